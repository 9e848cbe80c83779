import { either as E } from 'fp-ts'
import { reveal, validationError, type MixpanelError, type MixpanelRequest, type ResolvedConfig } from '@mp/core'
import { missingSecret } from './missingSecret.ts'
import { secretsOf } from './secrets.ts'

/** Where a request goes, what it authenticates with, and what must never reach an error. */
/** What fixes a request's route: its endpoint and auth. */
type Addressed = Pick<MixpanelRequest, 'endpoint' | 'auth'>

export interface Route {
  readonly url: string
  readonly authorization: string | undefined
  readonly secrets: ReadonlyArray<string>
}

/**
 * The value of an `Authorization: Basic …` header: base64 of `user:password` in UTF-8.
 * `btoa` alone only takes Latin-1, so the UTF-8 bytes are turned into a binary string first.
 * @example
 * basicAuth('secret', '') // 'Basic c2VjcmV0Og=='
 */
export const basicAuth = (user: string, password: string): string =>
  `Basic ${btoa(new TextEncoder().encode(`${user}:${password}`).reduce((binary, byte) => binary + String.fromCharCode(byte), ''))}`

// `/track`, `/engage` and `/groups` ask for verbose answers and no geolocation from the sender's IP.
const verbose = (config: ResolvedConfig, request: Addressed): string => `${config.baseUrl}${request.endpoint}?verbose=1&ip=0`

/**
 * The route of a request that carries no credentials: `/track`, `/engage` or `/groups` with the
 * project token. It never reads the config's credentials, so a bundle that only sends such
 * requests carries no credential code. Anything else is refused: it needs `route`.
 * @example
 * tokenRoute(resolved, { endpoint: '/track', auth: 'token', records }) // Right({ url: '…/track?verbose=1&ip=0', authorization: undefined, secrets: [] })
 */
export const tokenRoute = (config: ResolvedConfig, request: Addressed): E.Either<MixpanelError, Route> =>
  request.auth === 'token' && request.endpoint !== '/import'
    ? E.right({ url: verbose(config, request), authorization: undefined, secrets: [] })
    : E.left(validationError('request', 'goes to /import or needs a secret: send it with send(), or make its action with toImportAction'))

/**
 * The route of any request. `/track`, `/engage` and `/groups` never carry credentials. `/import` is
 * strict (per-record errors) and authenticates with the service account (plus `project_id`) if
 * configured, else the API secret, else (only for `auth: 'token'` descriptors) the project token
 * as Basic user. A descriptor that needs a secret when none is configured is a `ConfigError`.
 * @example
 * route(resolved, { endpoint: '/import', auth: 'secret', records }) // Right({ url: '…/import?strict=1', authorization: 'Basic …', secrets: [...] })
 */
export const route = (config: ResolvedConfig, request: Addressed): E.Either<MixpanelError, Route> => {
  const credentials = config.credentials
  if (request.auth === 'secret' && credentials === undefined) return E.left(missingSecret(request.endpoint))
  if (request.endpoint !== '/import') return E.right({ url: verbose(config, request), authorization: undefined, secrets: secretsOf(config) })
  const secret = credentials === undefined ? '' : reveal(credentials.secret)
  const account = credentials?.kind === 'serviceAccount' ? credentials : undefined
  const authorization = account !== undefined ? basicAuth(account.username, secret) : basicAuth(secret || config.token, '')
  const project = account === undefined ? '' : `&project_id=${encodeURIComponent(account.projectId)}`
  return E.right({ url: `${config.baseUrl}/import?strict=1${project}`, authorization, secrets: secretsOf(config, authorization) })
}
