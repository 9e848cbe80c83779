import { describe, expect, it } from 'vitest'
import { backoffDelay } from './backoffDelay.ts'

const policy = { limit: 4, baseDelayMs: 500, maxDelayMs: 30_000 }

describe('backoffDelay', () => {
  it('spans baseDelayMs to base·2^n with the random draw', () => {
    expect(backoffDelay(policy, 0, 0)).toBe(500)
    expect(backoffDelay(policy, 0, 0.999999)).toBe(500)
    expect(backoffDelay(policy, 1, 0)).toBe(500)
    expect(backoffDelay(policy, 1, 1)).toBe(1000)
    expect(backoffDelay(policy, 3, 0.5)).toBe(2250)
  })
  it('never exceeds maxDelayMs', () => {
    expect(backoffDelay(policy, 20, 1)).toBe(30_000)
    expect(backoffDelay({ limit: 4, baseDelayMs: 100, maxDelayMs: 150 }, 5, 0.99)).toBeLessThanOrEqual(150)
  })
  it('clamps a broken random source into range', () => {
    expect(backoffDelay(policy, 2, -5)).toBe(500)
    expect(backoffDelay(policy, 2, 7)).toBe(2000)
    expect(backoffDelay(policy, 2, Number.NaN)).toBe(1250)
  })
  it('is zero when the policy says so', () => {
    expect(backoffDelay({ limit: 4, baseDelayMs: 0, maxDelayMs: 0 }, 3, 0.7)).toBe(0)
  })
})
