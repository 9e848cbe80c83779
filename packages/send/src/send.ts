import type { taskEither as TE } from 'fp-ts'
import { normalizeConfig, type Config, type MixpanelError, type MixpanelRequest, type Receipt } from '@mp/core'
import { sendWith } from './sendWith.ts'

/**
 * Executes a request descriptor over HTTP: POSTs its records as a JSON array with the endpoint's
 * query and auth rules, retries network errors, timeouts, 429 and 5xx with jittered backoff
 * (honouring `Retry-After`), splits a 413 in halves, and decodes Mixpanel's answer into a
 * `Receipt` or a tagged `MixpanelError`. The config is checked once; a bad one makes every call a
 * `ConfigError` and nothing is sent. Lazy: nothing happens until the task runs. Never rejects.
 * @example
 * import { send } from '@mp/send'
 * const deliver = send({ token: 'YOUR_TOKEN' })
 * const result = await deliver({ endpoint: '/track', auth: 'token', records: [{ event: 'signup', properties: { token: 'YOUR_TOKEN', distinct_id: 'u1' } }] })()
 * // Right({ endpoint: '/track', records: 1, attempts: 1 })
 */
export const send = (config: Config): ((request: MixpanelRequest) => TE.TaskEither<MixpanelError, Receipt>) => sendWith(normalizeConfig(config))
