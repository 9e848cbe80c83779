import { describe, expect, it } from 'vitest'
import {
  apiRejected,
  configError,
  databaseError,
  decodeError,
  httpError,
  networkError,
  payloadTooLarge,
  rateLimited,
  recordsRejected,
  timeoutError,
  validationError,
} from './errors.ts'
import { isPermanent } from './isPermanent.ts'

describe('isPermanent', () => {
  it('keeps transient failures: network, timeout, 429, 5xx, 408, database', () => {
    for (const e of [
      networkError('/track', 5, 'reset'),
      timeoutError('/track', 10, 5),
      rateLimited('/track', 5),
      httpError('/track', 503, '', 5),
      httpError('/track', 500, '', 5),
      httpError('/track', 408, '', 5),
      httpError('/track', 429, '', 5),
      databaseError('delete', new Error('connection terminated')),
    ]) {
      expect(isPermanent(e), e.message).toBe(false)
    }
  })

  it('gives up on failures a retry cannot fix', () => {
    for (const e of [
      validationError('x', 'bad'),
      configError('apiSecret', 'missing'),
      apiRejected('/track', 'token, missing or empty'),
      recordsRejected('/import', [{ index: 0, field: 'f', message: 'm' }], 3),
      payloadTooLarge('/import', 'one record too large'),
      decodeError('/track', 200, '<html>'),
      httpError('/import', 401, 'Invalid credentials', 1),
      httpError('/track', 400, '', 1),
    ]) {
      expect(isPermanent(e), e.message).toBe(true)
    }
  })
})
