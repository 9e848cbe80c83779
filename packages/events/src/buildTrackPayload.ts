import { either as E } from 'fp-ts'
import { request, resolveEnv, type BuildEnv, type MixpanelError, type MixpanelRequest } from '@mp/core'
import { buildEventRecord } from './buildEventRecord.ts'
import { checkEventRecord } from './checkEventRecord.ts'
import { readEventInput } from './readEventInput.ts'
import { safely } from './safely.ts'
import type { TrackInput } from './types.ts'

/**
 * Builds the `/track` request for one event, as mixpanel-python's `track`: properties
 * `{ token, distinct_id, time, $insert_id, mp_lib, $lib_version, ...properties }` with `time` in
 * seconds (`env.now() / 1000`) and `$insert_id` from `env.insertId`; `meta` merges into the top
 * level. Refuses, with a `ValidationError`, anything Mixpanel would refuse or silently drop — such as a
 * `time` more than 5 days old (use `buildImportPayload`).
 * @example
 * import { buildTrackPayload } from '@mp/events'
 * buildTrackPayload({ token: '12345', distinctId: 'ID', event: 'button press', properties: { size: 'big' } })
 * // Right({ endpoint: '/track', auth: 'token', records: [{ event: 'button press', properties: { token: '12345', … } }] })
 */
export const buildTrackPayload = (input: TrackInput & { readonly token: string }, env?: BuildEnv): E.Either<MixpanelError, MixpanelRequest> =>
  safely('input', () => {
    const fields = readEventInput(input)
    if (E.isLeft(fields)) return fields
    const { now, insertId } = resolveEnv(env)
    const nowMs = now()
    const record = buildEventRecord(fields.right, nowMs / 1000, insertId())
    if (E.isLeft(record)) return record
    const checked = checkEventRecord(record.right, '/track', nowMs)
    if (E.isLeft(checked)) return checked
    // The record's size rides along so the queue need not stringify it a second time.
    return E.right({ ...request('/track', 'token', [checked.right.record]), bytes: [checked.right.bytes] })
  })
