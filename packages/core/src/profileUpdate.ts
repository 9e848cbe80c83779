import { describeValue } from './describeValue.ts'
import { either as E } from 'fp-ts'
import { resolveEnv } from './env.ts'
import { validationError, type ValidationError } from './errors.ts'
import { request } from './request.ts'
import { toJsonObject } from './toJson.ts'
import { unreadable } from './unreadable.ts'
import type { BuildEnv, JsonObject, MixpanelRequest } from './types.ts'

/**
 * Top-level modifiers merged into a profile update record after the operation, as
 * mixpanel-python's `meta`. Any other key is passed through as well.
 */
export interface ProfileMeta {
  /** IP address for geolocation; `0` or `'0'` leaves the profile's location unchanged. */
  readonly $ip?: string | number
  /** `true`: do not update the profile's "Last Seen" (`$last_seen`). */
  readonly $ignore_time?: boolean
  /** `true` on `$delete`: do not follow aliases when deleting a duplicate profile. */
  readonly $ignore_alias?: boolean
  readonly $latitude?: number
  readonly $longitude?: number
  readonly [key: string]: unknown
}

/** What tells a user-profile update (`/engage`) from a group-profile update (`/groups`). */
export interface ProfileUpdateSpec {
  readonly endpoint: '/engage' | '/groups'
  /** A valid input, shown when the input is not an object at all. */
  readonly example: string
  /**
   * The record's identity and operation keys, in wire order, from the caller's input;
   * `now` is the build clock in milliseconds (for values such as a charge's `$time`).
   */
  readonly message: (input: Readonly<Record<string, unknown>>, now: number) => E.Either<ValidationError, JsonObject>
}

// The widest range a JavaScript Date can hold; outside it a timestamp cannot be formatted.
const MAX_DATE_MS = 8.64e15

const readClock = (env: BuildEnv | undefined): E.Either<ValidationError, number> => {
  let now: unknown
  try {
    now = resolveEnv(env).now()
  } catch (cause) {
    return E.left(unreadable('env.now', cause))
  }
  return typeof now === 'number' && Number.isFinite(now) && Math.abs(now) <= MAX_DATE_MS
    ? E.right(now)
    : E.left(validationError('env.now', `must return milliseconds since the epoch, got ${String(now)}`))
}

const readToken = (token: unknown): E.Either<ValidationError, string> =>
  typeof token === 'string' && token.trim() !== ''
    ? E.right(token)
    : E.left(validationError('token', 'must be your project token, a non-empty string'))

/**
 * Makes the pure builder shared by every profile operation, as mixpanel-python's
 * `people_update`/`group_update`: the record is `{ $token, $time, ...message, ...meta }`, `$time`
 * in seconds with a millisecond fraction, `meta` (such as `$ip`, `$ignore_time`) shallow-merged
 * at the top level. The builder checks that the input is an object with a token, a JSON-safe
 * `meta` and a valid message, and never throws: a hostile input (throwing getter, Proxy) is a
 * `ValidationError` too.
 * @example
 * import { profileUpdate } from '@mp/core'
 * const build = profileUpdate({ endpoint: '/engage', example: "{ distinctId: 'u1' }", message: () => E.right({ $distinct_id: 'u1', $delete: '' }) })
 * build({ token: 't' }, { now: () => 1_000_100 })
 * // Right({ endpoint: '/engage', auth: 'token', records: [{ $token: 't', $time: 1000.1, $distinct_id: 'u1', $delete: '' }] })
 */
export const profileUpdate =
  (spec: ProfileUpdateSpec) =>
  (input: unknown, env?: BuildEnv): E.Either<ValidationError, MixpanelRequest> => {
    try {
      if (typeof input !== 'object' || input === null || Array.isArray(input)) {
        return E.left(validationError('input', `must be an object such as ${spec.example}, got ${describeValue(input)}`))
      }
      const fields = input as Readonly<Record<string, unknown>>
      // Token and clock are both read before either is checked.
      const token = readToken(fields['token'])
      const now = readClock(env)
      if (E.isLeft(token)) return token
      if (E.isLeft(now)) return now
      const message = spec.message(fields, now.right)
      if (E.isLeft(message)) return message
      const meta = toJsonObject(fields['meta'], 'meta')
      if (E.isLeft(meta)) return meta
      return E.right(request(spec.endpoint, 'token', [{ $token: token.right, $time: now.right / 1000, ...message.right, ...meta.right }]))
    } catch (cause) {
      return E.left(unreadable('input', cause))
    }
  }
