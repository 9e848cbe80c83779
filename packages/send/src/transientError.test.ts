import { describe, expect, it } from 'vitest'
import { transientError } from './transientError.ts'

describe('transientError', () => {
  it('maps each transient cause to its tag with the attempt count', () => {
    expect(transientError('/track', { kind: 'network', message: 'ECONNREFUSED' }, 5, 10)).toMatchObject({ _tag: 'NetworkError', attempts: 5 })
    expect(transientError('/track', { kind: 'timeout' }, 2, 50)).toMatchObject({ _tag: 'TimeoutError', attempts: 2, timeoutMs: 50 })
    expect(transientError('/import', { kind: 'status', status: 429, body: '', retryAfterMs: 3000 }, 3, 10)).toMatchObject({
      _tag: 'RateLimited',
      attempts: 3,
      retryAfterMs: 3000,
    })
    expect(transientError('/import', { kind: 'status', status: 503, body: 'busy' }, 3, 10)).toMatchObject({
      _tag: 'HttpError',
      status: 503,
      body: 'busy',
      attempts: 3,
    })
  })
  it('leaves retryAfterMs out when there was none', () => {
    expect('retryAfterMs' in transientError('/import', { kind: 'status', status: 429, body: '' }, 1, 10)).toBe(false)
  })
})
