import { describe, expect, it } from 'vitest'
import { batchEnds } from './batchEnds.ts'

describe('batchEnds', () => {
  it('ends a batch at the record cap and where the JSON array would pass the byte cap', () => {
    expect(batchEnds([1, 1, 1, 1, 1], { records: 2, bytes: 1000 })).toStrictEqual([2, 4, 5])
    // [5,5] = 2 + 5 + 1 + 5 = 13 bytes
    expect(batchEnds([5, 5, 5], { records: 100, bytes: 13 })).toStrictEqual([2, 3])
    expect(batchEnds([5, 5, 5], { records: 100, bytes: 12 })).toStrictEqual([1, 2, 3])
  })

  it('gives an oversized record a batch of its own and answers nothing for nothing', () => {
    expect(batchEnds([3, 50, 3, 3], { records: 100, bytes: 10 })).toStrictEqual([1, 2, 4])
    expect(batchEnds([], { records: 2000, bytes: 10 })).toStrictEqual([])
  })
})
