import { describe, expect, it } from 'vitest'
import type { Endpoint } from '@mp/core'
import { planBatches } from './planBatches.ts'

const row = (id: number, endpoint: Endpoint = '/track', auth: 'token' | 'secret' = 'token', bytes = 10) => ({ id: String(id), endpoint, auth, record: { id }, bytes })

describe('planBatches', () => {
  it('groups by endpoint and auth, splits each group by batchSize, and orders batches by their first row', () => {
    const rows = [row(1), row(2, '/engage'), row(3), row(4, '/import', 'secret'), row(5), row(6, '/engage'), row(7)]
    const batches = planBatches(rows, 2)
    expect(batches.map((b) => [b.endpoint, b.auth, b.ids])).toStrictEqual([
      ['/track', 'token', ['1', '3']],
      ['/engage', 'token', ['2', '6']],
      ['/import', 'secret', ['4']],
      ['/track', 'token', ['5', '7']],
    ])
    expect(batches[0]?.records).toStrictEqual([{ id: 1 }, { id: 3 }])
  })

  it('keeps a batch under the endpoint’s byte cap', () => {
    const rows = [row(1, '/track', 'token', 800_000), row(2, '/track', 'token', 800_000), row(3, '/track', 'token', 800_000)]
    expect(planBatches(rows, 2000).map((b) => b.ids)).toStrictEqual([['1', '2'], ['3']])
    const imports = [row(1, '/import', 'secret', 800_000), row(2, '/import', 'secret', 800_000), row(3, '/import', 'secret', 800_000)]
    expect(planBatches(imports, 2000).map((b) => b.ids)).toStrictEqual([['1', '2', '3']])
  })

  it('answers nothing for nothing', () => {
    expect(planBatches([], 2000)).toStrictEqual([])
  })
})
