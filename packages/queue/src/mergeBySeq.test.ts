import { describe, expect, it } from 'vitest'
import { mergeBySeq } from './mergeBySeq.ts'

const held = (...seqs: number[]) => ({ records: seqs.map((n) => `r${n}`), bytes: seqs.map((n) => n * 10), seqs })

describe('mergeBySeq', () => {
  it('interleaves two runs by enqueue number, keeping each record with its size', () => {
    expect(mergeBySeq(held(1, 4, 9), held(2, 3, 10, 11))).toStrictEqual(held(1, 2, 3, 4, 9, 10, 11))
  })

  it('handles empty sides', () => {
    expect(mergeBySeq(held(), held(1))).toStrictEqual(held(1))
    expect(mergeBySeq(held(1), held())).toStrictEqual(held(1))
  })
})
