import { LIB_NAME, LIB_VERSION, type JsonObject } from '@mp/core'
import type { EventFields } from './readEventInput.ts'

/**
 * Assembles an event record the way mixpanel-python does: the default properties in a fixed order,
 * then the caller's (a caller key replaces the default but keeps its position, as object spread
 * does), then `meta` merged into the top level. `$device_id` / `$user_id` given as `deviceId` /
 * `userId` come after the caller's properties and win over theirs, so they always agree with the
 * `distinct_id` derived from them; with `distinctId` alone the record is mixpanel-python's, byte for byte.
 * @example
 * buildEventRecord({ token: 't', distinctId: 'u1', event: 'signup', properties: {}, meta: { ip: 0 }, ids: {} }, 1000.1, 'abc123')
 * // { event: 'signup', properties: { token: 't', distinct_id: 'u1', time: 1000.1, $insert_id: 'abc123', mp_lib, $lib_version }, ip: 0 }
 */
export const buildEventRecord = (fields: EventFields, time: number, insertId: string): JsonObject => ({
  event: fields.event,
  properties: {
    token: fields.token,
    distinct_id: fields.distinctId,
    time,
    $insert_id: insertId,
    mp_lib: LIB_NAME,
    $lib_version: LIB_VERSION,
    ...fields.properties,
    ...fields.ids,
  },
  ...fields.meta,
})
