import type { EmulatorState } from './createEmulatorState.ts'
import { importBody } from './importBody.ts'
import type { ParsedRequest } from './parseRequest.ts'
import { reply, type Reply } from './reply.ts'

/**
 * The 413 answer when a request is over the byte limit (uncompressed) or carries more records than
 * allowed, else `undefined`.
 * @example
 * tooManyRecords(state, request) // { status: 413, … } for 2001 records
 */
export const tooManyRecords = (state: EmulatorState, request: ParsedRequest): Reply | undefined => {
  const body = request.body
  const over = body.ok ? body.records.length > state.maxRecords : body.tooLarge
  return over ? reply(413, 'json', importBody.tooLarge(state.maxBytes)) : undefined
}
