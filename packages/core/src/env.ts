import type { BuildEnv } from './types.ts'

/**
 * The default `$insert_id`: a random UUID from Web Crypto without dashes (32 lowercase hex),
 * as mixpanel-python's `uuid4().hex`.
 * @example
 * randomInsertId() // 'f3c1d0e2a4b54c6d8e9fa0b1c2d3e4f5'
 */
export const randomInsertId = (): string => globalThis.crypto.randomUUID().replaceAll('-', '')

/**
 * Fills in a `BuildEnv`: `now` defaults to `Date.now`, `insertId` to `randomInsertId`.
 * @example
 * const env = resolveEnv({ now: () => 1_000_100 })
 * env.now() // 1000100
 */
export const resolveEnv = (env?: BuildEnv): Required<BuildEnv> => ({
  now: env?.now ?? Date.now,
  insertId: env?.insertId ?? randomInsertId,
})
