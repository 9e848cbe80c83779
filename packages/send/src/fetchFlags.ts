import { either as E, type taskEither as TE } from 'fp-ts'
import {
  normalizeConfig,
  networkError,
  reveal,
  type Config,
  type FlagsRequest,
  type MixpanelError,
  type ResolvedConfig,
} from '@mp/core'
import { basicAuth } from './basicAuth.ts'
import { buildFlagsUrl } from './buildFlagsUrl.ts'
import { checkFlagsRequest } from './checkFlagsRequest.ts'
import { decodeFlagsResponse } from './decodeFlagsResponse.ts'
import { exchange } from './exchange.ts'
import { secretsOf } from './secretsOf.ts'
import { transientError } from './transientError.ts'

const flagsAuth = (config: ResolvedConfig): string =>
  config.credentials?.kind === 'serviceAccount'
    ? basicAuth(config.credentials.username, reveal(config.credentials.secret))
    : basicAuth(config.token, '')

const run = (config: ResolvedConfig, request: FlagsRequest) => async (): Promise<E.Either<MixpanelError, unknown>> => {
  const authorization = flagsAuth(config)
  // The token rides in the URL here, so it is scrubbed from error text like a secret.
  const secrets = secretsOf(config, [authorization, config.token])
  const spec = {
    method: 'GET',
    url: buildFlagsUrl(config, request),
    headers: { Accept: 'application/json', Authorization: authorization },
    timeoutMs: config.timeoutMs,
    fetch: config.fetch,
    secrets,
  } as const
  const { verdict, attempts } = await exchange(config, spec, request.path, decodeFlagsResponse)()
  switch (verdict.kind) {
    case 'done':
      return verdict.result
    case 'transient':
      return E.left(transientError(request.path, verdict.cause, attempts, config.timeoutMs))
    case 'tooLarge':
      return E.left(transientError(request.path, { kind: 'status', status: 413, body: verdict.body }, attempts, config.timeoutMs))
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
    if (E.isLeft(resolved)) return async () => resolved
    const ok = resolved.right
    const checked = checkFlagsRequest(request)
    return async () => {
      if (E.isLeft(checked)) return checked
      try {
        return await run(ok, checked.right)()
      } catch (error) {
        return E.left(networkError(checked.right.path, 1, `unexpected failure: ${error instanceof Error ? error.name : 'unknown'}`))
      }
    }
  }
}
