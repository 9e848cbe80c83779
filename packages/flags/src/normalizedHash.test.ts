import { describe, expect, it } from 'vitest'
import { normalizedHash } from './normalizedHash.ts'

describe('normalizedHash', () => {
  it('matches the reference vectors', () => {
    expect(normalizedHash('abc', 'variant')).toBe(0.72)
    expect(normalizedHash('def', 'variant')).toBe(0.21)
  })

  // Computed independently with mixpanel-python's algorithm in python3:
  //   h = 0xcbf29ce484222325
  //   for b in (key + salt).encode('utf-8'): h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
  //   (h % 100) / 100.0
  it.each([
    ['user123', 'test_flagrollout', 0.1],
    ['user123', 'test_flagvariant', 0.62],
    ['', '', 0.37],
    ['héllo wörld', 'salt', 0.78],
    ['🚀', 'x', 0.86],
    ['user_67890', 'checkout_v2abc0', 0.74],
    ['12345', 'flagvariant', 0.39],
  ])('hashes %j + %j like python3 does (%d)', (key, salt, expected) => {
    expect(normalizedHash(key, salt)).toBe(expected)
  })

  it('always lands on one of the hundred buckets 0.00 … 0.99', () => {
    for (let i = 0; i < 500; i++) {
      const h = normalizedHash(`user-${i}`, 'salt')
      expect(h).toBeGreaterThanOrEqual(0)
      expect(h).toBeLessThanOrEqual(0.99)
      expect(Math.round(h * 100) / 100).toBe(h)
    }
  })
})
