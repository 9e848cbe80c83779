import { either as E } from 'fp-ts'
import { toJsonObject, validationError, type JsonObject, type MixpanelError } from '@mp/core'
import { readEventIds } from './readEventIds.ts'
import { validateField } from './validateField.ts'

/** The fields every event builder reads, checked and JSON-safe. */
export interface EventFields {
  readonly token: string
  readonly distinctId: string
  readonly event: string
  /** The caller's properties as given: `buildEventRecord` converts them straight into the record. */
  readonly properties: unknown
  readonly meta: JsonObject
  /** `$device_id` / `$user_id` from `deviceId` / `userId`; empty for `distinctId` alone. */
  readonly ids: JsonObject
}

const NO_META: E.Either<never, JsonObject> = { _tag: 'Right', right: {} }

/**
 * Reads and checks a builder's input: an object with the project `token`, ids (`distinctId`, or
 * Simplified ID Merge's `deviceId` / `userId`: see `readEventIds`), an `event` name, and an optional
 * `meta` object made JSON-safe (Dates → `YYYY-MM-DDTHH:MM:SS` UTC; NaN, BigInt, cycles… refused with
 * their path). `properties` is passed on as given: `buildEventRecord` converts it in the same walk
 * that builds the record, so the caller's properties are copied once.
 * @example
 * readEventInput({ token: 't', distinctId: 'u1', event: 'signup' })
 * // Right({ token: 't', distinctId: 'u1', event: 'signup', properties: undefined, meta: {}, ids: {} })
 */
export const readEventInput = (input: unknown): E.Either<MixpanelError, EventFields> => {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return E.left(validationError('input', 'must be an object such as { distinctId, event, properties }'))
  }
  const raw = input as Record<string, unknown>
  const token = raw['token']
  const tokenProblem = validateField('token', token, 'token')
  if (tokenProblem !== undefined) return E.left(tokenProblem)
  const ids = readEventIds(raw['distinctId'], raw['deviceId'], raw['userId'])
  if (E.isLeft(ids)) return ids
  const event = raw['event']
  const eventProblem = validateField('event', event, 'event')
  if (eventProblem !== undefined) return E.left(eventProblem)
  // No meta (nearly always): the shared empty object, not a fresh copy of nothing for every event.
  const meta = raw['meta'] === undefined ? NO_META : toJsonObject(raw['meta'], 'meta')
  if (E.isLeft(meta)) return meta
  const { distinctId, ids: reserved } = ids.right
  return E.right({ token: (token as string).trim(), distinctId, ids: reserved, event: event as string, properties: raw['properties'], meta: meta.right })
}
