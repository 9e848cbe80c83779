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

// `/import` requires a time in its window; `/track` checks one only when present.
const checkTime = (properties: JsonObject, endpoint: '/track' | '/import', nowMs: number): E.Either<ValidationError, number> | undefined => {
  if (!has(properties, 'time')) {
    return endpoint === '/import'
      ? E.left(validationError('properties.time', 'is required by /import: seconds since the epoch when the event happened'))
      : undefined
  }
  return endpoint === '/import'
    ? validateImportTime(properties['time'], nowMs, 'properties.time')
    : validateTrackTime(properties['time'], nowMs, 'properties.time')
}

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
  // Plain sequential checks, first failure wins: this runs once per event, so no closures.
  const name = validateEventName(record['event'], 'event')
  if (E.isLeft(name)) return name
  const token = properties['token']
  if (typeof token !== 'string' || token.trim() === '') return E.left(validationError('properties.token', 'must be your project token, a non-empty string'))
  const distinctId = validateDistinctId(properties['distinct_id'], 'properties.distinct_id')
  if (E.isLeft(distinctId)) return distinctId
  if (endpoint === '/import' || has(properties, '$insert_id')) {
    const insertId = validateInsertId(properties['$insert_id'], 'properties.$insert_id')
    if (E.isLeft(insertId)) return insertId
  }
  const time = checkTime(properties, endpoint, nowMs)
  if (time !== undefined && E.isLeft(time)) return time
  const limits = validateProperties(properties, 'properties')
  if (E.isLeft(limits)) return limits
  const bytes = validateRecordSize(record, 'properties')
  return E.isLeft(bytes) ? bytes : E.right({ record, bytes: bytes.right })
}
