import type { EmulatorState } from './createEmulatorState.ts'
import { handleEngage } from './handleEngage.ts'
import { handleFlags } from './handleFlags.ts'
import { handleGroups } from './handleGroups.ts'
import { handleImport } from './handleImport.ts'
import { handleTrack } from './handleTrack.ts'
import type { ParsedRequest } from './parseRequest.ts'
import { reply, type Reply } from './reply.ts'

const INGESTION = { '/track': handleTrack, '/import': handleImport, '/engage': handleEngage, '/groups': handleGroups } as const

/**
 * Dispatches a public-API request: `/track`, `/import`, `/engage`, `/groups` (POST, or GET with
 * `?data=`) and `GET /flags`, `/flags/definitions`. Anything else is 404 (405 for a wrong method).
 * @example
 * route(state, parsedRequest) // the Reply of the matching handler
 */
export const route = (state: EmulatorState, request: ParsedRequest): Reply => {
  const ingestion = (INGESTION as Record<string, (s: EmulatorState, r: ParsedRequest) => Reply>)[request.path]
  if (ingestion !== undefined) {
    return request.method === 'POST' || request.method === 'GET'
      ? ingestion(state, request)
      : reply(405, 'text', 'Method Not Allowed', { allow: 'GET, POST' })
  }
  if (request.path === '/flags' || request.path === '/flags/definitions') {
    return request.method === 'GET' ? handleFlags(state, request) : reply(405, 'text', 'Method Not Allowed', { allow: 'GET' })
  }
  return reply(404, 'text', 'Not Found')
}
