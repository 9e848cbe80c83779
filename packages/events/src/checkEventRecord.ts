import { either as E } from 'fp-ts'
import { validationError, type JsonObject, type JsonValue, type ValidationError } from '@mp/core'
import { validateDistinctId } from './validateDistinctId.ts'
import { validateEventName } from './validateEventName.ts'
import { validateImportTime } from './validateImportTime.ts'
import { validateInsertId } from './validateInsertId.ts'
import { validateProperties } from './validateProperties.ts'
import { validateRecordSize } from './validateRecordSize.ts'
import { validateTrackTime } from './validateTrackTime.ts'

/** A record that passed every check, with its size as wire JSON. */
export interface CheckedRecord {
  readonly record: JsonObject
  readonly bytes: number
}

const isObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const has = (object: JsonObject, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key)

/**
 * Checks a finished event record (JSON-safe, defaults and meta merged) against Mixpanel's rules for
 * `endpoint`: event name, token, distinct id, `$insert_id`, the time window (`/track`: at most 5 days
 * old; `/import`: 1971-01-01 to now + 1 h, and required), property limits and the 1 MB event size.
 * Paths are relative to the record (`properties.time`); the first problem found is reported.
 * @example
 * checkEventRecord({ event: 'signup', properties: { token: 't', distinct_id: 'u1', time: 1000.1 } }, '/track', 1_000_100)
 * // Right({ record, bytes: <its JSON size> })
 */
export const checkEventRecord = (record: JsonObject, endpoint: '/track' | '/import', nowMs: number): E.Either<ValidationError, CheckedRecord> => {
  const properties = record['properties']
  if (!isObject(properties)) return E.left(validationError('properties', 'must be an object of properties'))
  const token = properties['token']
  const checks: ReadonlyArray<() => E.Either<ValidationError, unknown>> = [
    () => validateEventName(record['event'], 'event'),
    () =>
      typeof token === 'string' && token.trim() !== ''
        ? E.right(token)
        : E.left(validationError('properties.token', 'must be your project token, a non-empty string')),
    () => validateDistinctId(properties['distinct_id'], 'properties.distinct_id'),
    () =>
      has(properties, '$insert_id') || endpoint === '/import'
        ? validateInsertId(properties['$insert_id'], 'properties.$insert_id')
        : E.right(undefined),
    () =>
      endpoint === '/import'
        ? has(properties, 'time')
          ? validateImportTime(properties['time'], nowMs, 'properties.time')
          : E.left(validationError('properties.time', 'is required by /import: seconds since the epoch when the event happened'))
        : has(properties, 'time')
          ? validateTrackTime(properties['time'], nowMs, 'properties.time')
          : E.right(undefined),
    () => validateProperties(properties, 'properties'),
  ]
  for (const check of checks) {
    const result = check()
    if (E.isLeft(result)) return result
  }
  const bytes = validateRecordSize(record, 'properties')
  return E.isLeft(bytes) ? bytes : E.right({ record, bytes: bytes.right })
}
