import type { BuildEnv } from './types.ts'

// Web Crypto is asked for 256 ids' worth of random bytes at a time (one call instead of one per
// event: ~0.3 us of each event's ~5 us), and bytes become hex through a table; both are made on
// first use, never at import time.
const POOL_BYTES = 4096
let pool: Uint8Array<ArrayBuffer> | undefined
let next = POOL_BYTES
let hex: string[] | undefined

/**
 * The default `$insert_id`: a random (version 4) UUID without dashes, 32 lowercase hex, as
 * mixpanel-python's `uuid4().hex`, from Web Crypto's `getRandomValues`.
 * @example
 * randomInsertId() // 'f3c1d0e2a4b54c6d8e9fa0b1c2d3e4f5'
 */
export const randomInsertId = (): string => {
  if (next === POOL_BYTES) {
    pool = globalThis.crypto.getRandomValues(pool ?? new Uint8Array(POOL_BYTES))
    next = 0
  }
  hex ??= Array.from({ length: 256 }, (_, byte) => (byte + 256).toString(16).slice(1))
  const bytes = pool as Uint8Array
  let id = ''
  for (let i = 0; i < 16; i++) {
    const byte = bytes[next++] as number
    // The version (4) and variant (10xx) bits of a random UUID.
    id += hex[i === 6 ? (byte & 0x0f) | 0x40 : i === 8 ? (byte & 0x3f) | 0x80 : byte]
  }
  return id
}

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
