// A feature-flag read, in order: the config's verdict, the request checked (a known path, string
// query values), the URL and Authorization from the config, one GET through exchange() with the
// same retries and deadline as `send`, then the answer: 2xx JSON is the value, anything else an error.
import { either as E, type taskEither as TE } from 'fp-ts'
import {
  decodeError,
  normalizeConfig,
  reveal,
  unreadable,
  validationError,
  type Config,
  type FlagsPath,
  type FlagsRequest,
  type MixpanelError,
  type ResolvedConfig,
} from '@mp/core'
import { basicAuth } from './route.ts'
import { failedStatus } from './decodeResponse.ts'
import { exchange } from './exchange.ts'
import { scrub, secretsOf } from './secrets.ts'

const PATHS: ReadonlyArray<unknown> = ['/flags', '/flags/definitions']

// Answers a fresh copy. Never throws, even for hostile objects.
const check = (request: unknown): E.Either<MixpanelError, FlagsRequest> => {
  const bad = (path: string, reason: string) => E.left(validationError(`request${path}`, reason))
  try {
    if (typeof request !== 'object' || request === null) return bad('', 'must be { path, query }')
    const { path } = request as Record<string, unknown>
    const query = (request as Record<string, unknown>)['query'] ?? {}
    if (!PATHS.includes(path)) return bad('.path', `must be one of ${PATHS.join(', ')}`)
    if (typeof query !== 'object' || query === null || Array.isArray(query)) return bad('.query', 'must be an object of strings')
    const entries = Object.entries(query)
    const wrong = entries.find(([, value]) => typeof value !== 'string')
    if (wrong !== undefined) return bad(`.query.${wrong[0]}`, 'must be a string')
    return E.right({ path: path as FlagsPath, query: Object.fromEntries(entries) as Record<string, string> })
  } catch (cause) {
    return E.left(unreadable('request', cause))
  }
}

const run = async (config: ResolvedConfig, { path, query }: FlagsRequest): Promise<E.Either<MixpanelError, unknown>> => {
  const credentials = config.credentials
  const account = credentials?.kind === 'serviceAccount' ? credentials : undefined
  // The caller's query, then the token and (with a service account) project_id, which the config owns.
  const params = new URLSearchParams(query)
  params.set('token', config.token)
  params.delete('project_id')
  if (account !== undefined) params.set('project_id', account.projectId)
  const authorization = account === undefined ? basicAuth(config.token, '') : basicAuth(account.username, reveal(account.secret))
  // The token rides in the URL here, so it is scrubbed from error text like a secret.
  const secrets = secretsOf(config, authorization, config.token)
  const url = `${config.baseUrl}${path}?${params.toString()}`
  const answer = await exchange(config, { method: 'get', url, headers: { Accept: 'application/json', Authorization: authorization }, endpoint: path, secrets })
  if (E.isLeft(answer)) return answer
  const { status, body } = answer.right
  if (status < 200 || status > 299) return E.left(failedStatus(path, answer.right, secrets))
  try {
    return E.right(JSON.parse(body) as unknown)
  } catch {
    return E.left(decodeError(path, status, scrub(body, secrets)))
  }
}

/**
 * GETs a feature-flag endpoint (`/flags` or `/flags/definitions`) and answers its parsed JSON.
 * Adds `token` (and `project_id` with a service account) to the query; authenticates with the
 * service account if configured, else the token as Basic user. Same timeout and retry policy as
 * `send`; failures are the same tagged errors, with the token and secrets scrubbed. Never rejects.
 * @example
 * import { fetchFlags } from '@mp/send'
 * const definitions = await fetchFlags({ token: 'YOUR_TOKEN' })({ path: '/flags/definitions', query: {} })()
 * // Right({ flags: [...] })
 */
export const fetchFlags = (config: Config): ((request: FlagsRequest) => TE.TaskEither<MixpanelError, unknown>) => {
  const resolved = normalizeConfig(config)
  return (request) => {
    const checked = E.isLeft(resolved) ? resolved : check(request)
    return async () => (E.isLeft(checked) ? checked : run((resolved as E.Right<ResolvedConfig>).right, checked.right))
  }
}
