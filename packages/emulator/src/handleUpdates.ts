import type { EmulatorState } from './createEmulatorState.ts'
import type { ParsedRequest } from './parseRequest.ts'
import type { Reply } from './reply.ts'
import { tooManyRecords } from './tooManyRecords.ts'
import { trackStyleReply } from './trackStyleReply.ts'

/** Applies one update record; answers Mixpanel's error text, or undefined when it applied. */
export type ApplyOne = (state: EmulatorState, update: Record<string, unknown>) => string | undefined

/**
 * Makes a handler for an update endpoint (`/engage`, `/groups`): applies each update in order and
 * answers `1`/`0` or verbose JSON naming the first invalid update; valid updates in the same request
 * still apply, as on Mixpanel.
 * @example
 * const handleEngage = handleUpdates(applyProfileUpdate)
 */
export const handleUpdates =
  (applyOne: ApplyOne) =>
  (state: EmulatorState, request: ParsedRequest): Reply => {
    const limited = tooManyRecords(state, request)
    if (limited !== undefined) return limited
    if (!request.body.ok) return trackStyleReply(request.query, request.body.error)
    let firstError: string | undefined
    for (const update of request.body.records) {
      const error = applyOne(state, update)
      firstError ??= error
    }
    return trackStyleReply(request.query, firstError)
  }
