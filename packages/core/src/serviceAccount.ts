import { either as E } from 'fp-ts'
import { configError, type ConfigError } from './errors.ts'
import { hideSecret } from './redacted.ts'

/**
 * Service-account credentials: Basic auth plus `?project_id=` on `/import` and the flag API.
 * `secret` is not enumerable and prints as `***`.
 */
export interface ServiceAccount {
  readonly username: string
  readonly secret: string
  readonly projectId: string
}

const FIELDS = ['username', 'secret', 'projectId'] as const

/**
 * @internal The checks of `serviceAccount` without the wrapper: the three values trimmed, or the
 * first problem. Config normalisation uses it directly, so a bundle that never calls
 * `serviceAccount()` does not carry the wrapper.
 * @example
 * readServiceAccount([' bot ', 'S3CR3T', '42']) // Right(['bot', 'S3CR3T', '42'])
 */
export const readServiceAccount = (values: ReadonlyArray<unknown>): E.Either<ConfigError, readonly [string, string, string]> => {
  const find = (wrong: (value: unknown) => boolean, reason: string): ConfigError | undefined => {
    const at = values.findIndex(wrong)
    return at === -1 ? undefined : configError(`serviceAccount.${FIELDS[at]}`, reason)
  }
  // As mixpanel-python's `ServiceAccountCredentials`: every type first (in field order), then emptiness.
  const problem = find((value) => typeof value !== 'string', 'must be a string') ?? find((value) => (value as string).trim() === '', 'must not be empty')
  return problem === undefined ? E.right(values.map((value) => (value as string).trim()) as [string, string, string]) : E.left(problem)
}

/**
 * Checks and wraps service-account credentials the way mixpanel-python's
 * `ServiceAccountCredentials` does: each must be a string, non-empty after trimming; values are trimmed.
 * The result never prints its secret.
 * @example
 * import { serviceAccount } from '@mp/core'
 * const sa = serviceAccount('robot.1a2b.mp-service-account', 'S3CR3T', '123456')
 * // Right({ username: 'robot.1a2b.mp-service-account', projectId: '123456' }), secret hidden
 */
export const serviceAccount = (username: unknown, secret: unknown, projectId: unknown): E.Either<ConfigError, ServiceAccount> => {
  const read = readServiceAccount([username, secret, projectId])
  if (E.isLeft(read)) return read
  const [u, s, p] = read.right
  const account = { username: u, projectId: p }
  Object.defineProperty(account, 'secret', { value: s, enumerable: false })
  hideSecret(
    account,
    () => `ServiceAccount { username: '${u}', projectId: '${p}', secret: '***' }`,
    () => ({ username: u, projectId: p, secret: '***' }),
  )
  return E.right(Object.freeze(account) as ServiceAccount)
}
