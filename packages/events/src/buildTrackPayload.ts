import type { either as E } from 'fp-ts'
import type { BuildEnv, MixpanelError, MixpanelRequest } from '@mp/core'
import { eventRequest } from './eventRequest.ts'
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
  eventRequest(input, env, '/track')
