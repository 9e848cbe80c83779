import { checkTrackEvent } from './checkTrackEvent.ts'
import type { EmulatorState } from './createEmulatorState.ts'
import type { ParsedRequest } from './parseRequest.ts'
import type { Reply } from './reply.ts'
import { toEpochMs } from './toEpochMs.ts'
import { tooManyRecords } from './tooManyRecords.ts'
import { trackStyleReply } from './trackStyleReply.ts'

const FIVE_DAYS_MS = 5 * 24 * 60 * 60 * 1000

/**
 * `POST /track`: stores every valid event and answers `1`/`0` (or verbose JSON). One invalid record
 * makes the answer an error naming it while the valid ones are still stored. Events older than 5
 * days are dropped silently and still answered as success, as Mixpanel does.
 * @example
 * handleTrack(state, parsedRequest) // { status: 200, body: '{"error":null,"status":1}', … }
 */
export const handleTrack = (state: EmulatorState, request: ParsedRequest): Reply => {
  const limited = tooManyRecords(state, request)
  if (limited !== undefined) return limited
  if (!request.body.ok) return trackStyleReply(request.query, request.body.error)
  let firstError: string | undefined
  for (const record of request.body.records) {
    const error = checkTrackEvent(record)
    if (error !== undefined) {
      firstError ??= error
      continue
    }
    const ms = toEpochMs((record['properties'] as Record<string, unknown>)['time'])
    if (ms !== undefined && state.now() - ms > FIVE_DAYS_MS) continue
    state.ingest('/track', record)
  }
  return trackStyleReply(request.query, firstError)
}
