import { describe, expect, it } from 'vitest'
import { httpError, recordsRejected } from './errors.ts'

describe('errors', () => {
  it('give a human message', () => {
    expect(httpError('/track', 502, '', 5).message).toBe('Mixpanel answered HTTP 502 for /track (5 attempts)')
    expect(recordsRejected('/import', [{ index: 7, field: 'properties.time', message: 'must not be in the future' }], 3).message).toBe(
      'Mixpanel rejected 1 record(s) sent to /import and imported 3; first: record 7, properties.time: must not be in the future',
    )
  })
})
