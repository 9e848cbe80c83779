import type { ResolvedConfig } from '@mp/core'

/**
 * How long to wait before retry number `retry` (0 for the first): exponential backoff with full
 * jitter, uniformly between `baseDelayMs` and `min(maxDelayMs, baseDelayMs · 2^retry)`.
 * `random` is one draw in [0, 1); anything else is clamped into range so a broken source of
 * randomness can neither stall nor hammer the server.
 * @example
 * backoffDelay({ limit: 4, baseDelayMs: 500, maxDelayMs: 30_000 }, 2, 0.5) // 1250 (between 500 and 2000)
 */
export const backoffDelay = (policy: ResolvedConfig['retry'], retry: number, random: number): number => {
  const low = policy.baseDelayMs
  const high = Math.min(policy.maxDelayMs, low * 2 ** Math.max(0, retry))
  const draw = Number.isFinite(random) ? Math.min(Math.max(random, 0), 1) : 0.5
  return Math.round(low + draw * (high - low))
}
