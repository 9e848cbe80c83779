import { checkEventLimits } from './checkEventLimits.ts'
import { checkInsertId } from './checkInsertId.ts'
import { isRecord } from './isRecord.ts'

/**
 * Why `/track` refuses a record, or `undefined`. `/track` needs an event name and
 * `properties.token`; `time`, `distinct_id` and `$insert_id` are optional, but an `$insert_id` that
 * is present must be well formed, and the per-event limits apply.
 * @example
 * checkTrackEvent({ event: 'a', properties: {} }) // 'token, missing or empty'
 */
export const checkTrackEvent = (record: Record<string, unknown>): string | undefined => {
  if (typeof record['event'] !== 'string' || record['event'] === '') return 'event, missing or empty'
  const properties = record['properties']
  if (!isRecord(properties) || typeof properties['token'] !== 'string' || properties['token'] === '') {
    return 'token, missing or empty'
  }
  const insertId = properties['$insert_id']
  const failure = (insertId === undefined ? undefined : checkInsertId(insertId)) ?? checkEventLimits(properties)
  return failure?.message
}
