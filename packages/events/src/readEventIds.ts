import { either as E } from 'fp-ts'
import { validationError, type JsonObject, type ValidationError } from '@mp/core'
import { validateField } from './validateField.ts'

const DEVICE = '$device:'

/** An event's ids as they go on the wire. */
export interface EventIdFields {
  /** `distinct_id`: the one given, else `userId`, else `'$device:' + deviceId` (Mixpanel's own rule). */
  readonly distinctId: string
  /** `$device_id` and `$user_id`, for those given as `deviceId` and `userId`; empty for `distinctId` alone. */
  readonly ids: JsonObject
}

// `distinctId` alone (nearly always) adds no ids: one shared empty object, never written to.
const NO_IDS: JsonObject = {}

// An id given is checked as a distinct id; deviceId and userId must not carry the prefix Mixpanel adds.
const idProblem = (path: 'distinctId' | 'deviceId' | 'userId', id: unknown): ValidationError | undefined =>
  id === undefined
    ? undefined
    : (validateField('distinct_id', id, path) ??
      (path !== 'distinctId' && (id as string).startsWith(DEVICE) ? validationError(path, `must not start with '${DEVICE}' (Mixpanel adds it)`) : undefined))

/**
 * Reads the ids of a `track` or `importData` input: `distinctId`, and Simplified ID Merge's
 * `deviceId` and `userId`, at least one of the three. Each one given must be a usable id (a
 * non-empty string, not a placeholder); `deviceId` and `userId` must not start with `$device:`;
 * a `distinctId` given with them must be the one Mixpanel would derive (it replaces any other).
 * @example
 * readEventIds(undefined, 'd-1', 'u-1') // Right({ distinctId: 'u-1', ids: { $device_id: 'd-1', $user_id: 'u-1' } })
 * readEventIds(undefined, 'd-1', undefined) // Right({ distinctId: '$device:d-1', ids: { $device_id: 'd-1' } })
 * readEventIds('u-1', undefined, undefined) // Right({ distinctId: 'u-1', ids: {} })
 */
export const readEventIds = (distinctId: unknown, deviceId: unknown, userId: unknown): E.Either<ValidationError, EventIdFields> => {
  // Three plain calls, not a loop over a list of pairs: this runs for every event.
  const refused = idProblem('distinctId', distinctId) ?? idProblem('deviceId', deviceId) ?? idProblem('userId', userId)
  if (refused !== undefined) return E.left(refused)
  if (deviceId === undefined && userId === undefined) {
    return distinctId === undefined ? E.left(validationError('distinctId', 'is required (or deviceId and/or userId)')) : E.right({ distinctId: distinctId as string, ids: NO_IDS })
  }
  const derived = (userId ?? DEVICE + (deviceId as string)) as string
  if (distinctId !== undefined && distinctId !== derived) {
    return E.left(validationError('distinctId', `must be ${JSON.stringify(derived)}, the distinct_id Mixpanel derives from ${userId === undefined ? 'deviceId' : 'userId'}, or left out`))
  }
  const ids: Record<string, string> = {}
  if (deviceId !== undefined) ids['$device_id'] = deviceId as string
  if (userId !== undefined) ids['$user_id'] = userId as string
  return E.right({ distinctId: derived, ids })
}
