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

const FIELDS = [
  ['username', 'username'],
  ['secret', 'secret'],
  ['projectId', 'project_id'],
] as const

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
  const values = [username, secret, projectId]
  for (const [i, [field, label]] of FIELDS.entries()) {
    if (typeof values[i] !== 'string') return E.left(configError(`serviceAccount.${field}`, `service account ${label} must be a string`))
  }
  for (const [i, [field, label]] of FIELDS.entries()) {
    if ((values[i] as string).trim() === '') return E.left(configError(`serviceAccount.${field}`, `service account ${label} cannot be empty`))
  }
  const [u, s, p] = values.map((x) => (x as string).trim()) as [string, string, string]
  const account = { username: u, projectId: p }
  Object.defineProperty(account, 'secret', { value: s, enumerable: false })
  hideSecret(
    account,
    () => `ServiceAccount { username: '${u}', projectId: '${p}', secret: '***' }`,
    () => ({ username: u, projectId: p, secret: '***' }),
  )
  return E.right(Object.freeze(account) as ServiceAccount)
}
