import { describe, expect, it } from 'vitest'
import { applyOperation } from './applyOperation.ts'

describe('applyOperation', () => {
  it('$set and $set_once', () => {
    expect(applyOperation('$set', undefined, { a: 1 })).toEqual({ a: 1 })
    expect(applyOperation('$set', { a: 1, b: 1 }, { a: 2 })).toEqual({ a: 2, b: 1 })
    expect(applyOperation('$set_once', { a: 1 }, { a: 2, b: 2 })).toEqual({ a: 1, b: 2 })
  })

  it('$add: missing counts as 0; a non-numeric current value is left alone', () => {
    expect(applyOperation('$add', { n: 1, s: 'x' }, { n: 2, m: -1, s: 5 })).toEqual({ n: 3, m: -1, s: 'x' })
  })

  it('$append, $union and $remove on lists', () => {
    expect(applyOperation('$append', { l: [1] }, { l: 1, m: { x: 1 } })).toEqual({ l: [1, 1], m: [{ x: 1 }] })
    expect(applyOperation('$append', { l: 'scalar' }, { l: 1 })).toEqual({ l: 'scalar' })
    expect(applyOperation('$union', { l: [1, 'a'] }, { l: ['a', 2, 2], m: ['x'] })).toEqual({ l: [1, 'a', 2], m: ['x'] })
    expect(applyOperation('$remove', { l: [1, 2, 1] }, { l: 1, missing: 1 })).toEqual({ l: [2] })
    expect(applyOperation('$remove', undefined, { l: 1 })).toBeUndefined()
  })

  it('$unset and $delete', () => {
    expect(applyOperation('$unset', { a: 1, b: 2 }, ['a', 'zzz'])).toEqual({ b: 2 })
    expect(applyOperation('$unset', undefined, ['a'])).toBeUndefined()
    expect(applyOperation('$delete', { a: 1 }, '')).toBeUndefined()
  })

  it('does not mutate its input', () => {
    const current = { l: [1] }
    applyOperation('$append', current, { l: 2 })
    expect(current).toEqual({ l: [1] })
  })
})
