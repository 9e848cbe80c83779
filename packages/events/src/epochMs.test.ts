import { describe, expect, it } from 'vitest'
import { epochMs } from './epochMs.ts'

describe('epochMs', () => {
  it('reads seconds (with a fraction) and recognises milliseconds above 10^10', () => {
    expect(epochMs(1000.1)).toBeCloseTo(1_000_100)
    expect(epochMs(1_700_000_000)).toBe(1_700_000_000_000)
    expect(epochMs(1_700_000_000_123)).toBe(1_700_000_000_123)
  })
})
