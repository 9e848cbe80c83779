import { either as E, function as F } from 'fp-ts'
import { request, resolveEnv, type BuildEnv, type MixpanelError, type MixpanelRequest } from '@mp/core'
import { buildEventRecord } from './buildEventRecord.ts'
import { checkEventRecord } from './checkEventRecord.ts'
import { readEventInput } from './readEventInput.ts'
import { safely } from './safely.ts'
import type { ImportInput } from './types.ts'
import { validateImportTime } from './validateImportTime.ts'

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
  safely('input', () =>
    F.pipe(
      readEventInput(input),
      E.flatMap((fields) => {
        const { now, insertId } = resolveEnv(env)
        const nowMs = now()
        return F.pipe(
          validateImportTime((input as { timestamp?: unknown }).timestamp, nowMs, 'timestamp'),
          E.flatMap((timestamp) => checkEventRecord(buildEventRecord(fields, timestamp, insertId()), '/import', nowMs)),
          E.map(({ record }) => request('/import', 'secret', [record])),
        )
      }),
    ),
  )
