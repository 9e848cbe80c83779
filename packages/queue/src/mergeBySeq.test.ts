import { describe, expect, it } from 'vitest'
import { mergeBySeq } from './mergeBySeq.ts'

const s = (...n: number[]) => n.map((seq) => ({ seq }))

describe('mergeBySeq', () => {
  it('interleaves two sorted lists by sequence number', () => {
    expect(mergeBySeq(s(1, 4, 9), s(2, 3, 10, 11))).toStrictEqual(s(1, 2, 3, 4, 9, 10, 11))
  })

  it('handles empty sides', () => {
    expect(mergeBySeq(s(), s(1))).toStrictEqual(s(1))
    expect(mergeBySeq(s(1), s())).toStrictEqual(s(1))
  })
})
