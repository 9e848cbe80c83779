import { either as E } from 'fp-ts'
import { reveal, type ConfigError, type MixpanelRequest, type ResolvedConfig } from '@mp/core'
import { basicAuth } from './basicAuth.ts'
import { missingSecret } from './missingSecret.ts'

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
  if (request.auth === 'secret' && credentials === undefined) {
    return E.left(missingSecret(request.endpoint))
  }
  if (request.endpoint !== '/import') return E.right(undefined)
  if (credentials === undefined) return E.right(basicAuth(config.token, ''))
  return E.right(
    credentials.kind === 'serviceAccount'
      ? basicAuth(credentials.username, reveal(credentials.secret))
      : basicAuth(reveal(credentials.secret), ''),
  )
}
