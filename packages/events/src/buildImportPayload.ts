import { either as E } from 'fp-ts'
import { request, resolveEnv, type BuildEnv, type MixpanelError, type MixpanelRequest } from '@mp/core'
import { buildEventRecord } from './buildEventRecord.ts'
import { checkEventRecord } from './checkEventRecord.ts'
import { readEventInput } from './readEventInput.ts'
import { safely } from './safely.ts'
import type { ImportInput } from './types.ts'
import { validateEventTime } from './validateEventTime.ts'

/**
 * Builds the `/import` request for one historical event, as mixpanel-python's `import_data`: the
 * `track` record with `time` set to the caller's `timestamp` (seconds since the epoch, passed
 * through), sent with `auth: 'secret'`. The timestamp must lie between 1971-01-01 and an hour
 * after `env.now()`, Mixpanel's window.
 * @example
 * import { buildImportPayload } from '@mp/events'
 * buildImportPayload({ token: '12345', distinctId: 'ID', event: 'button press', timestamp: 1_700_000_000 })
 * // Right({ endpoint: '/import', auth: 'secret', records: [{ event: 'button press', properties: { …, time: 1700000000, … } }] })
 */
export const buildImportPayload = (input: ImportInput & { readonly token: string }, env?: BuildEnv): E.Either<MixpanelError, MixpanelRequest> =>
  safely('input', () => {
    const fields = readEventInput(input)
    if (E.isLeft(fields)) return fields
    const { now, insertId } = resolveEnv(env)
    const nowMs = now()
    const timestamp = validateEventTime((input as { timestamp?: unknown }).timestamp, nowMs, '/import', 'timestamp')
    if (E.isLeft(timestamp)) return timestamp
    const record = buildEventRecord(fields.right, timestamp.right, insertId())
    if (E.isLeft(record)) return record
    const checked = checkEventRecord(record.right, '/import', nowMs)
    if (E.isLeft(checked)) return checked
    // The record's size rides along so the queue need not stringify it a second time.
    return E.right({ ...request('/import', 'secret', [checked.right.record]), bytes: [checked.right.bytes] })
  })
