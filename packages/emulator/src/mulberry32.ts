/**
 * A tiny seeded PRNG (mulberry32): the same seed yields the same sequence in [0, 1), so random
 * fault injection is reproducible.
 * @example
 * const next = mulberry32(42)
 * next() === mulberry32(42)() // true
 */
export const mulberry32 = (seed: number): (() => number) => {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
