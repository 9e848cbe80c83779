import { either as E } from 'fp-ts'
import { copyJsonInto, LIB_NAME, LIB_VERSION, settleCopy, type JsonObject, type JsonValue, type ValidationError } from '@mp/core'
import type { EventFields } from './readEventInput.ts'

/**
 * Assembles an event record the way mixpanel-python does, in one pass: the default properties in a
 * fixed order, then the caller's, converted to JSON straight into the same object (a caller key
 * replaces the default but keeps its position, as object spread does), then `meta` merged into the
 * top level. `$device_id` / `$user_id` given as `deviceId` / `userId` come after the caller's
 * properties and win over theirs, so they always agree with the `distinct_id` derived from them;
 * with `distinctId` alone the record is mixpanel-python's, byte for byte. A caller property JSON
 * cannot carry (NaN, a cycle, a Map…) is a `ValidationError` at its path.
 * @example
 * buildEventRecord({ token: 't', distinctId: 'u1', event: 'signup', properties: {}, meta: { ip: 0 }, ids: {} }, 1000.1, 'abc123')
 * // Right({ event: 'signup', properties: { token: 't', distinct_id: 'u1', time: 1000.1, $insert_id: 'abc123', mp_lib, $lib_version }, ip: 0 })
 */
export const buildEventRecord = (fields: EventFields, time: number, insertId: string): E.Either<ValidationError, JsonObject> => {
  const fast = spreadProperties(fields, time, insertId)
  const properties = fast === undefined ? fullWalk(fields, time, insertId) : E.right(fast)
  if (E.isLeft(properties)) return properties
  const props = properties.right
  // Plain names, so assigning them is safe; they keep the place a caller key of the same name had.
  for (const key in fields.ids) props[key] = fields.ids[key] as string
  const record = { event: fields.event, properties: props }
  for (const _ in fields.meta) return E.right({ ...record, ...fields.meta })
  return E.right(record)
}

// Nearly every event's properties are a plain object of strings, numbers, booleans and flat lists:
// one spread builds the object (V8 copies it in one step) and settleCopy only checks it. Anything
// else, or a Proxy or getter that throws, takes the full walk, which converts it or says where it fails.
const spreadProperties = (fields: EventFields, time: number, insertId: string): Record<string, JsonValue> | undefined => {
  const source = fields.properties
  if (typeof source !== 'object' || source === null) return undefined
  try {
    if (Object.getPrototypeOf(source) !== Object.prototype) return undefined
    const copy = withDefaults(fields, time, insertId, source)
    return settleCopy(copy) ? (copy as Record<string, JsonValue>) : undefined
  } catch {
    return undefined
  }
}

// The defaults alone hold only JSON values; the walk converts the caller's properties into them.
const fullWalk = (fields: EventFields, time: number, insertId: string): E.Either<ValidationError, Record<string, JsonValue>> =>
  copyJsonInto(withDefaults(fields, time, insertId, undefined) as Record<string, JsonValue>, fields.properties, 'properties')

// The default properties in mixpanel-python's order, then `source`'s members (a key of the same name
// replaces a default in its place). One literal with the spread at its end: V8 builds it in one step.
const withDefaults = (fields: EventFields, time: number, insertId: string, source: object | undefined): Record<string, unknown> => ({
  token: fields.token,
  distinct_id: fields.distinctId,
  time,
  $insert_id: insertId,
  mp_lib: LIB_NAME,
  $lib_version: LIB_VERSION,
  ...source,
})
