import type { EventColumns } from './types.ts'

const isObject = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === 'object' && value !== null && !Array.isArray(value)

// An ISO 8601 date-time with an explicit zone (Z or ±hh:mm): anything without one would be read in
// this machine's time zone, so it is left for validation to refuse.
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i

const toSeconds = (time: unknown): unknown => {
  if (typeof time !== 'string') return time
  const text = time.trim()
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text)
  if (!ISO_WITH_ZONE.test(text)) return time
  const ms = Date.parse(text.replace(' ', 'T'))
  return Number.isNaN(ms) ? time : ms / 1000
}

/**
 * Shapes one input record as an `importEvents` event. A record with `properties` is Mixpanel's
 * export format and is passed on as it is. Any other object is read as flat columns (a CSV row):
 * the event column becomes the name, every other column a property, with the distinct-id, time and
 * insert-id columns renamed to `distinct_id`, `time` and `$insert_id`; a time given as numeric text
 * or as an ISO 8601 date with a zone becomes seconds since the epoch. What is not an object is passed
 * on for validation to refuse.
 * @example
 * toImportEvent({ event: 'signup', user: 'u1', time: '2024-01-01T00:00:00Z', plan: 'pro' }, { event: 'event', distinctId: 'user', time: 'time', insertId: '$insert_id' })
 * // { event: 'signup', properties: { distinct_id: 'u1', time: 1704067200, plan: 'pro' } }
 */
export const toImportEvent = (record: unknown, columns: EventColumns): unknown => {
  if (!isObject(record) || Object.hasOwn(record, 'properties')) return record
  const properties: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(record)) {
    if (key === columns.event) continue
    if (key === columns.distinctId) properties['distinct_id'] = value
    else if (key === columns.time) properties['time'] = toSeconds(value)
    else if (key === columns.insertId) properties['$insert_id'] = value
    else properties[key] = value
  }
  return { event: record[columns.event], properties }
}
