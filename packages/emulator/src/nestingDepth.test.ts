import { describe, expect, it } from 'vitest'
import { nestingDepth } from './nestingDepth.ts'

describe('nestingDepth', () => {
  it('counts object and list levels', () => {
    expect([nestingDepth(1), nestingDepth(null), nestingDepth({}), nestingDepth([1]), nestingDepth({ a: [{ b: 1 }] })]).toEqual([
      0, 0, 1, 1, 3,
    ])
  })
})
