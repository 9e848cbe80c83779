import { describe, expect, it } from 'vitest'
import { splitBatches } from './splitBatches.ts'

const entries = (...sizes: number[]) => sizes.map((bytes, id) => ({ id, bytes }))
const ids = (batches: ReadonlyArray<ReadonlyArray<{ id: number }>>) => batches.map((b) => b.map((e) => e.id))

describe('splitBatches', () => {
  it('caps the record count', () => {
    expect(ids(splitBatches(entries(1, 1, 1, 1, 1), { records: 2, bytes: 1000 }))).toStrictEqual([[0, 1], [2, 3], [4]])
  })

  it('caps the bytes of the JSON array, brackets and commas included', () => {
    // [5,5] = 2 + 5 + 1 + 5 = 13 bytes
    expect(ids(splitBatches(entries(5, 5, 5), { records: 100, bytes: 13 }))).toStrictEqual([[0, 1], [2]])
    expect(ids(splitBatches(entries(5, 5, 5), { records: 100, bytes: 12 }))).toStrictEqual([[0], [1], [2]])
  })

  it('keeps order, loses nothing, and gives an oversized entry a batch of its own', () => {
    const input = entries(3, 50, 3, 3)
    const batches = splitBatches(input, { records: 100, bytes: 10 })
    expect(ids(batches)).toStrictEqual([[0], [1], [2, 3]])
    expect(batches.flat()).toStrictEqual(input)
  })

  it('answers no batches for no entries', () => {
    expect(splitBatches([], { records: 2000, bytes: 10 })).toStrictEqual([])
  })

  it('every batch respects both limits on random input', () => {
    let seed = 7
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    const input = Array.from({ length: 5000 }, (_, id) => ({ id, bytes: 1 + Math.floor(rand() * 400) }))
    const batches = splitBatches(input, { records: 300, bytes: 20_000 })
    expect(batches.flat()).toStrictEqual(input)
    for (const b of batches) {
      expect(b.length).toBeLessThanOrEqual(300)
      expect(2 + b.reduce((n, e) => n + e.bytes, 0) + b.length - 1).toBeLessThanOrEqual(20_000)
    }
  })
})
