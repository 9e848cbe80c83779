import { either as E } from 'fp-ts'
import { reveal, type ConfigError, type MixpanelRequest, type ResolvedConfig } from '@mp/core'
import { missingSecret } from './missingSecret.ts'

/**
 * The value of an `Authorization: Basic …` header: base64 of `user:password` in UTF-8.
 * `btoa` alone only takes Latin-1, so the UTF-8 bytes are turned into a binary string first.
 * @example
 * basicAuth('secret', '') // 'Basic c2VjcmV0Og=='
 */
export const basicAuth = (user: string, password: string): string =>
  `Basic ${btoa(new TextEncoder().encode(`${user}:${password}`).reduce((binary, byte) => binary + String.fromCharCode(byte), ''))}`

/**
 * The `Authorization` header for a request, or `undefined` when it must carry none.
 * `/track`, `/engage` and `/groups` never carry credentials. `/import` uses the service account
 * if configured, else the API secret, else (only for `auth: 'token'` descriptors) the project
 * token as Basic user. A descriptor that needs a secret when none is configured is a `ConfigError`.
 * @example
 * authHeader(resolved, { endpoint: '/import', auth: 'secret', records }) // Right('Basic …')
 */
export const authHeader = (config: ResolvedConfig, request: MixpanelRequest): E.Either<ConfigError, string | undefined> => {
  const credentials = config.credentials
  if (request.auth === 'secret' && credentials === undefined) return E.left(missingSecret(request.endpoint))
  if (request.endpoint !== '/import') return E.right(undefined)
  if (credentials === undefined) return E.right(basicAuth(config.token, ''))
  const secret = reveal(credentials.secret)
  return E.right(credentials.kind === 'serviceAccount' ? basicAuth(credentials.username, secret) : basicAuth(secret, ''))
}
