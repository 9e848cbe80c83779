import { either as E } from 'fp-ts'
import { toJsonObject, validationError, type JsonObject, type MixpanelError } from '@mp/core'
import { checkEventRecord, type CheckedRecord } from './checkEventRecord.ts'
import { contentInsertId } from './contentInsertId.ts'
import { safely } from './safely.ts'
import { validateEventName } from './validateEventName.ts'

const has = (object: JsonObject, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key)

/**
 * Turns one caller event `{ event, properties }` into the `/import` record: JSON-safe, `token`
 * filled from the config and `$insert_id` from the event's content (`contentInsertId`) when
 * missing, then every `/import` rule checked. Other top-level keys are not sent. Never throws.
 * @example
 * prepareImportEvent({ event: 'signup', properties: { distinct_id: 'u1', time: 1_700_000_000 } }, 'TOKEN', Date.now())
 * // Right({ record: { event: 'signup', properties: { distinct_id: 'u1', time: 1700000000, token: 'TOKEN', $insert_id: '…' } }, bytes })
 */
export const prepareImportEvent = (raw: unknown, token: string, nowMs: number): E.Either<MixpanelError, CheckedRecord> =>
  safely('record', () => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      return E.left(validationError('record', 'must be an object such as { event, properties: { distinct_id, time } }'))
    }
    const { event: name, properties: props } = raw as { event?: unknown; properties?: unknown }
    if (props === undefined) return E.left(validationError('properties', 'is required: an object with at least distinct_id and time'))
    const event = validateEventName(name, 'event')
    if (E.isLeft(event)) return event
    const json = toJsonObject(props, 'properties')
    if (E.isLeft(json)) return json
    const properties = json.right
    // One copy; the two added keys are plain names, so assigning them is safe.
    const filled: Record<string, JsonObject[string]> = { ...properties }
    if (!has(properties, 'token')) filled['token'] = token
    if (!has(properties, '$insert_id')) filled['$insert_id'] = contentInsertId(event.right, properties)
    return checkEventRecord({ event: event.right, properties: filled }, '/import', nowMs)
  })
