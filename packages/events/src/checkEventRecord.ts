import { either as E } from 'fp-ts'
import { pathKey, sealRecord, utf8Length, validationError, type JsonArray, type JsonObject, type JsonValue, type ValidationError } from '@mp/core'
import { validateEventTime } from './validateEventTime.ts'
import { validateField } from './validateField.ts'

/** A record that passed every check, with its size as wire JSON. */
export interface CheckedRecord {
  readonly record: JsonObject
  readonly bytes: number
}

// Mixpanel refuses an event of 1 MB of JSON or more.
const MAX_EVENT_BYTES = 1024 * 1024

// Mixpanel's limits on event properties (http-api §10): every count must stay under 255, and
// objects and lists may nest 3 levels (a property's own value is level 1).
const MAX_COUNT = 254
const MAX_DEPTH = 3

// A limit broken somewhere inside the properties: the keys leading to the container, and why.
interface Broken {
  readonly at: Array<string | number>
  readonly reason: string
}

// Checks one container against the property limits at `depth` (0 is the properties object), then
// the containers inside it. Nothing is allocated while every limit holds: the keys are walked with
// for...in (lists by index), and the path is only built, on the way back up, for a broken limit.
// Each container is frozen once checked: the record is sealed next (see sealRecord), and this walk
// already visits every container, so sealing need not walk the properties again.
const limitProblem = (value: JsonObject | JsonArray, depth: number): Broken | undefined => {
  if (depth > MAX_DEPTH) return { at: [], reason: `is nested ${depth} levels deep; Mixpanel accepts objects and lists nested at most ${MAX_DEPTH} levels` }
  const isList = Array.isArray(value)
  let count = 0
  if (isList) count = value.length
  else for (const _ in value) count++
  if (count > MAX_COUNT) {
    return {
      at: [],
      reason:
        depth === 0
          ? `has ${count} properties; Mixpanel accepts fewer than 255 per event (defaults such as token and time included)`
          : `is ${isList ? `a list of ${count} items` : `an object with ${count} keys`}; Mixpanel accepts fewer than 255`,
    }
  }
  if (isList) {
    for (let i = 0; i < count; i++) {
      const item = (value as JsonArray)[i]
      if (typeof item !== 'object' || item === null) continue
      const broken = limitProblem(item, depth + 1)
      if (broken !== undefined) return (broken.at.unshift(i), broken)
    }
  } else {
    for (const key in value) {
      const item = (value as JsonObject)[key]
      if (typeof item !== 'object' || item === null) continue
      const broken = limitProblem(item, depth + 1)
      if (broken !== undefined) return (broken.at.unshift(key), broken)
    }
  }
  Object.freeze(value)
  return undefined
}

// A value the builder made or already checked by the same rule (its own random insert id, the
// distinct id it read) needs no second check: the check would answer the same for the same string.
const vouched = (value: JsonValue | undefined, own: string | undefined): boolean => own !== undefined && value === own

const isObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Checks a finished event record (JSON-safe, defaults and meta merged) against Mixpanel's rules for
 * `endpoint`: event name, token, distinct id (or the `$user_id` / `$device_id` Mixpanel derives it
 * from on a Simplified ID Merge project), `$insert_id`, the time window (`/track`: at most 5 days
 * old; `/import`: 1971-01-01 to now + 1 h, and required), the property limits (fewer than 255
 * properties, defaults included; objects and lists nested at most 3 levels, with fewer than 255 keys
 * or items) and the 1 MB event size. A record that passes is sealed (`sealRecord`: frozen, its JSON
 * text remembered for the wire), so only records the caller's builder just made may be checked here.
 * Paths are relative to the record (`properties.time`); the first problem found is reported.
 * `ownInsertId`: an insert id the builder generated itself (known valid); a record whose `$insert_id`
 * is that very string skips the insert-id check, which would answer the same for the same string.
 * `ownDistinctId` likewise: a distinct id the builder already checked by the same rule.
 * @example
 * checkEventRecord({ event: 'signup', properties: { token: 't', distinct_id: 'u1', time: 1000.1 } }, '/track', 1_000_100)
 * // Right({ record, bytes: <its JSON size> })
 */
export const checkEventRecord = (
  record: JsonObject,
  endpoint: '/track' | '/import',
  nowMs: number,
  ownInsertId?: string,
  ownDistinctId?: string,
): E.Either<ValidationError, CheckedRecord> => {
  const properties = record['properties']
  if (!isObject(properties)) return E.left(validationError('properties', 'must be an object of properties'))
  // Plain sequential checks, first failure wins: this runs once per event, so no closures.
  const fieldProblem = validateField('event', record['event'], 'event') ?? validateField('token', properties['token'], 'properties.token')
  if (fieldProblem !== undefined) return E.left(fieldProblem)
  // Without distinct_id, Simplified ID Merge derives it from $user_id, else $device_id: that id must be usable.
  const idKey = Object.hasOwn(properties, 'distinct_id')
    ? 'distinct_id'
    : Object.hasOwn(properties, '$user_id')
      ? '$user_id'
      : Object.hasOwn(properties, '$device_id')
        ? '$device_id'
        : 'distinct_id'
  // `/import` requires a time and an insert id; `/track` checks them only when present.
  const idProblem =
    (vouched(properties[idKey], ownDistinctId)
      ? undefined
      : validateField('distinct_id', properties[idKey], idKey === 'distinct_id' ? 'properties.distinct_id' : `properties.${idKey}`)) ??
    ((endpoint === '/import' || Object.hasOwn(properties, '$insert_id')) && !vouched(properties['$insert_id'], ownInsertId)
      ? validateField('$insert_id', properties['$insert_id'], 'properties.$insert_id')
      : undefined)
  if (idProblem !== undefined) return E.left(idProblem)
  if (Object.hasOwn(properties, 'time')) {
    const time = validateEventTime(properties['time'], nowMs, endpoint, 'properties.time')
    if (E.isLeft(time)) return time
  } else if (endpoint === '/import') {
    return E.left(validationError('properties.time', 'is required by /import: seconds since the epoch when the event happened'))
  }
  const broken = limitProblem(properties, 0)
  if (broken !== undefined) return E.left(validationError(broken.at.reduce<string>(pathKey, 'properties'), broken.reason))
  // This text is the one that goes on the wire: sealing the record (frozen, its text remembered)
  // lets send and the queue join it instead of serialising the record a second time.
  const json = JSON.stringify(record)
  const bytes = utf8Length(json)
  return bytes < MAX_EVENT_BYTES
    ? E.right({ record: sealRecord(record, json), bytes })
    : E.left(validationError('properties', `the event is ${(bytes / 1024 / 1024).toFixed(2)} MB of JSON; Mixpanel accepts events under 1 MB`))
}
