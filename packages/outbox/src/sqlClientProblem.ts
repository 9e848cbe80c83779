import { configError, type ConfigError } from '@mp/core'

/**
 * The `ConfigError` for a value that cannot serve as the outbox's database, or `undefined` when it
 * can: an object with a `query` method (a `pg` `Pool`, `Client` or `PoolClient`, a PGlite
 * instance or transaction). `field` names the argument in the message. Never throws.
 * @example
 * sqlClientProblem(new PGlite(), 'db')    // undefined
 * sqlClientProblem('postgres://…', 'db') // ConfigError at 'db'
 */
export const sqlClientProblem = (db: unknown, field: string): ConfigError | undefined => {
  try {
    if (typeof db === 'object' && db !== null && typeof (db as { query?: unknown }).query === 'function') return undefined
  } catch {
    // A hostile object (a throwing getter, a revoked Proxy) is refused like any other non-client.
  }
  return configError(field, 'must be a database client with query(text, params), such as a pg Pool, a pg client inside a transaction, or a PGlite instance')
}
