import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { apiRejected, networkError, recordsRejected } from '@mp/core'
import { summarize } from './summarize.ts'

describe('summarize', () => {
  it('adds up delivered and failed records per endpoint, with attempts', () => {
    const report = summarize(
      [
        { endpoint: '/track', records: 2000, result: E.right({ endpoint: '/track', records: 2000, attempts: 3 }), kept: false },
        { endpoint: '/track', records: 10, result: E.left(networkError('/track', 5, 'reset')), kept: true },
        { endpoint: '/engage', records: 4, result: E.left(apiRejected('/engage', 'bad')), kept: false },
      ],
      10,
    )
    expect(report).toStrictEqual({
      delivered: 2000,
      failed: 14,
      attempts: 9,
      remaining: 10,
      endpoints: {
        '/track': { delivered: 2000, failed: 10, batches: 2, attempts: 8 },
        '/engage': { delivered: 0, failed: 4, batches: 1, attempts: 1 },
      },
      failures: [
        { endpoint: '/track', records: 10, error: networkError('/track', 5, 'reset'), kept: true },
        { endpoint: '/engage', records: 4, error: apiRejected('/engage', 'bad'), kept: false },
      ],
    })
  })

  it('counts the records a strict /import imported despite refusing others as delivered', () => {
    const refused = recordsRejected('/import', [{ index: 1, field: 'properties.time', message: 'bad' }], 2)
    const report = summarize([{ endpoint: '/import', records: 3, result: E.left(refused), kept: false }], 0)
    expect(report).toMatchObject({ delivered: 2, failed: 1, endpoints: { '/import': { delivered: 2, failed: 1, batches: 1 } } })
    expect(report.failures).toStrictEqual([{ endpoint: '/import', records: 1, error: refused, kept: false }])
  })

  it('reports an empty flush as nothing done', () => {
    expect(summarize([], 0)).toStrictEqual({ delivered: 0, failed: 0, attempts: 0, remaining: 0, endpoints: {}, failures: [] })
  })
})
