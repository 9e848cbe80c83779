import { either as E } from 'fp-ts'
import { randomInsertId, unreadable, type BuildEnv, type MixpanelError, type MixpanelRequest } from '@mp/core'
import { buildEventRecord } from './buildEventRecord.ts'
import { checkEventRecord } from './checkEventRecord.ts'
import { readEventInput } from './readEventInput.ts'
import { validateEventTime } from './validateEventTime.ts'

/**
 * @internal What `buildTrackPayload` and `buildImportPayload` do, in one pass per event: read and
 * check the input, build the record with the caller's properties converted straight into it, check
 * it against `endpoint`'s rules, seal it with its wire text, and answer the one-record descriptor
 * with that text's size. `/track` stamps the clock's time; `/import` takes the input's `timestamp`.
 * A throwing getter or Proxy trap in the input is a `ValidationError` on `input`. Never throws.
 * @example
 * eventRequest({ token: 't', distinctId: 'u1', event: 'signup' }, undefined, '/track')
 * // Right({ endpoint: '/track', records: [{ event: 'signup', properties: { token: 't', … } }], auth: 'token', bytes: [150] })
 */
export const eventRequest = (input: unknown, env: BuildEnv | undefined, endpoint: '/track' | '/import'): E.Either<MixpanelError, MixpanelRequest> => {
  try {
    const fields = readEventInput(input)
    if (E.isLeft(fields)) return fields
    const nowMs = (env?.now ?? Date.now)()
    let time = nowMs / 1000
    if (endpoint === '/import') {
      const timestamp = validateEventTime((input as { timestamp?: unknown }).timestamp, nowMs, '/import', 'timestamp')
      if (E.isLeft(timestamp)) return timestamp
      time = timestamp.right
    }
    const custom = env?.insertId
    const insertId = (custom ?? randomInsertId)()
    const record = buildEventRecord(fields.right, time, insertId)
    if (E.isLeft(record)) return record
    // Vouched for, so not checked again: an id from randomInsertId (valid by construction) and the
    // distinct id readEventInput checked. A caller's insertId, or a property replacing either, is checked.
    const checked = checkEventRecord(record.right, endpoint, nowMs, custom === undefined ? insertId : undefined, fields.right.distinctId)
    if (E.isLeft(checked)) return checked
    // The record's size rides along so the queue need not measure it again.
    return E.right({ endpoint, records: [checked.right.record], auth: endpoint === '/track' ? 'token' : 'secret', bytes: [checked.right.bytes] })
  } catch (cause) {
    return E.left(unreadable('input', cause))
  }
}
