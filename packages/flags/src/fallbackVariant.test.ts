import { describe, expect, it } from 'vitest'
import { fallbackVariant } from './fallbackVariant.ts'

describe('fallbackVariant', () => {
  it("keeps the caller's key and value and adds the reason", () => {
    expect(fallbackVariant({ variantKey: 'off', variantValue: false }, 'BACKEND_ERROR', 'HTTP 500')).toEqual({
      variantKey: 'off',
      variantValue: false,
      source: 'fallback',
      fallbackReason: { kind: 'BACKEND_ERROR', message: 'HTTP 500' },
    })
  })

  it('tolerates a missing or hostile fallback', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('boom') } })
    expect(fallbackVariant(hostile as never, 'FLAG_NOT_FOUND')).toEqual({ variantKey: null, variantValue: null, source: 'fallback', fallbackReason: { kind: 'FLAG_NOT_FOUND' } })
    expect(fallbackVariant(undefined, 'NO_ROLLOUT_MATCH').variantKey).toBeNull()
  })
})
