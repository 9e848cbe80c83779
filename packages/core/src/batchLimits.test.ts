import { describe, expect, it } from 'vitest'
import { batchLimits, MAX_BATCH_RECORDS, MAX_RECORD_BYTES } from './batchLimits.ts'

describe('batchLimits', () => {
  it('allows 2000 records per batch everywhere, not mixpanel-python’s 50', () => {
    for (const endpoint of ['/track', '/import', '/engage', '/groups'] as const) {
      expect(batchLimits(endpoint).records).toBe(2000)
    }
    expect(MAX_BATCH_RECORDS).toBe(2000)
  })

  it('keeps /import under 10 MB and the others under 2 MB, each above one maximal record', () => {
    expect(batchLimits('/import').bytes).toBeLessThan(10_000_000)
    for (const endpoint of ['/track', '/engage', '/groups'] as const) {
      expect(batchLimits(endpoint).bytes).toBeLessThan(2_000_000)
      expect(batchLimits(endpoint).bytes).toBeGreaterThan(MAX_RECORD_BYTES + 2)
    }
  })
})
