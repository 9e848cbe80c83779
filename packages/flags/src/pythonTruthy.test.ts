import { describe, expect, it } from 'vitest'
import { pythonTruthy } from './pythonTruthy.ts'

describe('pythonTruthy', () => {
  it.each([null, undefined, false, 0, -0, Number.NaN, '', [], {}, 0n])('%s is falsy', (value) => {
    expect(pythonTruthy(value)).toBe(false)
  })

  it.each(['0', 'False', 1, -1, true, [0], { a: 0 }, new Date(0)])('%j is truthy', (value) => {
    expect(pythonTruthy(value)).toBe(true)
  })
})
