import { either as E } from 'fp-ts'
import { copyJsonInto, validationError, type JsonObject, type MixpanelError } from '@mp/core'
import { checkEventRecord, type CheckedRecord } from './checkEventRecord.ts'
import { contentInsertId } from './contentInsertId.ts'
import { safely } from './safely.ts'
import { validateField } from './validateField.ts'

// Everything that touches the caller's object happens here, under `safely`; what follows reads
// only the JSON-safe copy.
const readEvent = (raw: unknown): E.Either<MixpanelError, { readonly event: string; readonly properties: JsonObject }> => {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return E.left(validationError('record', 'must be an object such as { event, properties: { distinct_id, time } }'))
  }
  const { event: name, properties: props } = raw as { event?: unknown; properties?: unknown }
  if (props === undefined) return E.left(validationError('properties', 'is required: an object with at least distinct_id and time'))
  const refused = validateField('event', name, 'event')
  if (refused !== undefined) return E.left(refused)
  // The one copy: the record's own properties object, to which token and $insert_id are added.
  const properties = copyJsonInto({}, props, 'properties')
  return E.isLeft(properties) ? properties : E.right({ event: name as string, properties: properties.right })
}

/**
 * Turns one caller event `{ event, properties }` into the `/import` record: JSON-safe, `token`
 * filled from the config and `$insert_id` from the event's content (`contentInsertId`) when
 * missing, then every `/import` rule checked. Other top-level keys are not sent. Never rejects.
 * @example
 * await prepareImportEvent({ event: 'signup', properties: { distinct_id: 'u1', time: 1_700_000_000 } }, 'TOKEN', Date.now())
 * // Right({ record: { event: 'signup', properties: { distinct_id: 'u1', time: 1700000000, token: 'TOKEN', $insert_id: '…' } }, bytes })
 */
export const prepareImportEvent = async (raw: unknown, token: string, nowMs: number): Promise<E.Either<MixpanelError, CheckedRecord>> => {
  const read = safely('record', () => readEvent(raw))
  if (E.isLeft(read)) return read
  const { event, properties } = read.right
  // The two added keys are plain names, so assigning them is safe; the insert id is derived before
  // either is added (it leaves both out anyway).
  const filled = properties as Record<string, JsonObject[string]>
  const insertId = Object.hasOwn(filled, '$insert_id') ? undefined : await contentInsertId(event, filled)
  if (!Object.hasOwn(filled, 'token')) filled['token'] = token
  if (insertId !== undefined) filled['$insert_id'] = insertId
  return checkEventRecord({ event, properties: filled }, '/import', nowMs, insertId)
}
