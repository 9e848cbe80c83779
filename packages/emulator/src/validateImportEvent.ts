import { checkEventLimits, type RecordFailure } from './checkEventLimits.ts'
import { checkInsertId } from './checkInsertId.ts'
import { isIdentityEvent } from './isIdentityEvent.ts'
import { isPlaceholderId } from './isPlaceholderId.ts'
import { isRecord } from './isRecord.ts'
import { readSimplifiedIds } from './readSimplifiedIds.ts'
import { toEpochMs } from './toEpochMs.ts'
import type { IdMerge } from './types.ts'

const EARLIEST_MS = Date.UTC(1971, 0, 1)
const FUTURE_SLACK_MS = 60 * 60 * 1000

const timeFailure = (message: string): RecordFailure => ({
  field: 'properties.time',
  message: `'properties.time' is invalid: ${message}`,
})

const checkTime = (time: unknown, nowMs: number): RecordFailure | undefined => {
  const ms = toEpochMs(time)
  if (ms === undefined) return timeFailure('must be specified as seconds since epoch')
  if (ms < EARLIEST_MS) return timeFailure('must be after 1971-01-01')
  // Up to an hour ahead is clamped to now by Mixpanel; beyond that it is refused.
  if (ms > nowMs + FUTURE_SLACK_MS) return timeFailure('must not be in the future')
  return undefined
}

const checkDistinctId = (distinctId: unknown): RecordFailure | undefined => {
  const failure = (message: string): RecordFailure => ({
    field: 'properties.distinct_id',
    message: `'properties.distinct_id' is invalid: ${message}`,
  })
  if (typeof distinctId === 'number' && Number.isFinite(distinctId)) return undefined
  // What Original ID Merge projects answer for an event without one (identity-systems.md §1).
  if (distinctId === undefined) return failure('must not be missing')
  if (typeof distinctId !== 'string') return failure('must be specified')
  if (isPlaceholderId(distinctId)) return failure(`'${distinctId}' is a placeholder value and is not allowed`)
  return undefined
}

/**
 * Validates one `/import` record the way strict mode does: an event name; `properties` with `time`
 * between 1971-01-01 and an hour from now, a `distinct_id` that is not a placeholder, a well-formed
 * `$insert_id`; fewer than 255 properties nested at most 3 levels. Returns the first failure or
 * `undefined`. Identity events (`$merge`, `$create_alias`, `$identify`) need none of time, distinct_id
 * and `$insert_id`, but those they carry must be valid: Mixpanel's own merge example (and
 * mixpanel-python's `merge`) sends none of them. On a Simplified ID Merge project the distinct id
 * checked is the one Mixpanel derives (`$user_id`, else `$device:` + `$device_id`, else `distinct_id`),
 * so an event with `$device_id` or `$user_id` needs no `distinct_id`.
 * @example
 * validateImportEvent({ event: 'a', properties: { time: 4102444800, distinct_id: 'u', $insert_id: 'x1' } }, Date.now())
 * // { field: 'properties.time', message: "'properties.time' is invalid: must not be in the future" }
 */
export const validateImportEvent = (record: Record<string, unknown>, nowMs: number, idMerge: IdMerge = 'original'): RecordFailure | undefined => {
  if (typeof record['event'] !== 'string' || record['event'] === '') {
    return { field: 'event', message: "'event' is invalid: must be a non-empty string" }
  }
  const properties = record['properties']
  if (!isRecord(properties)) return { field: 'properties', message: "'properties' is invalid: must be an object" }
  const required = !isIdentityEvent(record['event'])
  const check = <T>(value: T, rule: (value: T) => RecordFailure | undefined): RecordFailure | undefined =>
    required || value !== undefined ? rule(value) : undefined
  return (
    check(properties['time'], (time) => checkTime(time, nowMs)) ??
    check(idMerge === 'simplified' ? readSimplifiedIds(properties).distinctId : properties['distinct_id'], checkDistinctId) ??
    check(properties['$insert_id'], checkInsertId) ??
    checkEventLimits(properties)
  )
}
