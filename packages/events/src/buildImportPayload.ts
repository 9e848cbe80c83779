import type { either as E } from 'fp-ts'
import type { BuildEnv, MixpanelError, MixpanelRequest } from '@mp/core'
import { eventRequest } from './eventRequest.ts'
import type { ImportInput } from './types.ts'
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
  eventRequest(input, env, '/import')
