import type { BuildEnv } from './types.ts'

// Web Crypto is asked for 256 ids' worth of random bytes at a time (one call instead of one per
// event), and the whole pool becomes one hex string at once (one decode of ASCII bytes), so an id is
// a slice of it: one small object per event instead of a string built from sixteen pieces. All of it
// is made on first use, never at import time.
const IDS_PER_POOL = 256
let random: Uint8Array<ArrayBuffer> | undefined
let digits: Uint8Array<ArrayBuffer> | undefined
let ids = ''
let next = IDS_PER_POOL

// '0'-'9', 'a'-'f' as ASCII codes.
const HEX = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102]

const refill = (): void => {
  random = globalThis.crypto.getRandomValues(random ?? new Uint8Array(IDS_PER_POOL * 16))
  digits ??= new Uint8Array(IDS_PER_POOL * 32)
  for (let i = 0; i < random.length; i++) {
    // The version (4) and variant (10xx) bits of a random UUID, in bytes 6 and 8 of each 16.
    const at = i & 15
    const byte = at === 6 ? ((random[i] as number) & 0x0f) | 0x40 : at === 8 ? ((random[i] as number) & 0x3f) | 0x80 : (random[i] as number)
    digits[i * 2] = HEX[byte >> 4] as number
    digits[i * 2 + 1] = HEX[byte & 15] as number
  }
  ids = new TextDecoder().decode(digits)
  next = 0
}

/**
 * The default `$insert_id`: a random (version 4) UUID without dashes, 32 lowercase hex, as
 * mixpanel-python's `uuid4().hex`, from Web Crypto's `getRandomValues`.
 * @example
 * randomInsertId() // 'f3c1d0e2a4b54c6d8e9fa0b1c2d3e4f5'
 */
export const randomInsertId = (): string => {
  if (next === IDS_PER_POOL) refill()
  const at = next++ * 32
  return ids.slice(at, at + 32)
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
