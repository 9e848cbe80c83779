import type { task as T } from 'fp-ts'
import type { ResolvedConfig } from '@mp/core'
import { backoffDelay } from './backoffDelay.ts'
import type { Verdict } from './verdict.ts'

/** A `Retry-After` longer than this ends the retries instead of parking the caller for hours. */
export const RETRY_AFTER_CEILING_MS = 10 * 60 * 1000

/** The parts of the config the retry loop uses. */
export type RetryEnv = Pick<ResolvedConfig, 'retry' | 'sleep' | 'random'>

/** The last verdict and how many attempts led to it. */
export interface Attempted<A> {
  readonly verdict: Verdict<A>
  readonly attempts: number
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

const draw = (random: () => number): number => {
  try {
    return random()
  } catch {
    return 0.5
  }
}

/**
 * Runs `once` until its verdict is not transient or `retry.limit` retries are spent, sleeping
 * between tries with `config.sleep`: full-jitter backoff, but never less than a `Retry-After`.
 * Never rejects, even when the injected sleep or randomness throws.
 * @example
 * const { verdict, attempts } = await retryLoop(resolved, (n) => classify(n))()
 */
export const retryLoop =
  <A>(env: RetryEnv, once: (attempt: number) => T.Task<Verdict<A>>): T.Task<Attempted<A>> =>
  async () => {
    const sleep = env.sleep ?? defaultSleep
    let attempts = 1
    let verdict = await once(attempts)()
    while (verdict.kind === 'transient' && attempts <= env.retry.limit) {
      const cause = verdict.cause
      const retryAfterMs = cause.kind === 'status' ? cause.retryAfterMs : undefined
      if (retryAfterMs !== undefined && retryAfterMs > RETRY_AFTER_CEILING_MS) break
      const delay = Math.max(backoffDelay(env.retry, attempts - 1, draw(env.random)), retryAfterMs ?? 0)
      try {
        await sleep(delay)
      } catch {
        // A failing injected sleep only shortens the wait; the retry still happens.
      }
      attempts += 1
      verdict = await once(attempts)()
    }
    return { verdict, attempts }
  }
