import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { settleCopy } from './settleCopy.ts'
import { copyJsonInto } from './toJson.ts'

const defaults = () => ({ token: 't', distinct_id: 'u1', time: 1.5 })

// What the full walk builds from the same source: the fast path must build exactly this.
const walked = (source: object) => {
  const result = copyJsonInto(defaults(), source, 'properties')
  if (E.isLeft(result)) throw new Error(result.left.message)
  return result.right
}

describe('settleCopy', () => {
  it('accepts plain JSON members and flat lists and objects of them, and the copy is what the full walk builds', () => {
    const sources: object[] = [
      {},
      { plan: 'pro', price: 12.5, trial: false, coupon: null, negative: -0, big: 1e300 },
      { tags: ['a', 'b'], mixed: [1, 'x', true, null], empty: [], nested: { a: 1, b: 'two', c: null }, none: {} },
      { time: 99, token: 'overrides the default in place' },
      { '0': 'integer-like keys first', 'odd key': 1, ['__proto__']: 'own key, not the prototype' },
    ]
    for (const source of sources) {
      const copy: Record<string, unknown> = { ...defaults(), ...source }
      expect(settleCopy(copy)).toBe(true)
      expect(copy).toStrictEqual(walked(source))
      expect(JSON.stringify(copy)).toBe(JSON.stringify(walked(source)))
      expect(Object.keys(copy)).toEqual(Object.keys(walked(source)))
    }
  })

  it('replaces every list and object with a fresh copy, so the caller keeps theirs untouched and unfrozen', () => {
    const source = { tags: ['a'], nested: { a: 1 } }
    const copy: Record<string, unknown> = { ...source }
    expect(settleCopy(copy)).toBe(true)
    expect(copy['tags']).not.toBe(source.tags)
    expect(copy['nested']).not.toBe(source.nested)
    Object.freeze(copy['tags'])
    expect(Object.isFrozen(source.tags)).toBe(false)
  })

  it('answers false for anything the full walk has to convert, drop or refuse', () => {
    class Point {
      x = 1
    }
    const sources: Record<string, unknown>[] = [
      { gone: undefined },
      { when: new Date(0) },
      { score: Number.NaN },
      { score: Number.POSITIVE_INFINITY },
      { big: 1n },
      { fn: () => 1 },
      { custom: { toJSON: () => 'x' } },
      { deep: { inner: { a: 1 } } },
      { deepList: [[1]] },
      { listOfObjects: [{ a: 1 }] },
      // eslint-disable-next-line no-sparse-arrays
      { holes: [1, , 3] },
      { instance: new Point() },
      { map: new Map() },
      { nullProto: Object.assign(Object.create(null) as object, { a: 1 }) },
      { inList: [undefined] },
      { [Symbol('hidden')]: 1 },
      { nested: { [Symbol('hidden')]: 1 } },
    ]
    for (const source of sources) expect(settleCopy({ ...source })).toBe(false)
  })

  it('throws what a Proxy member throws, for the caller to catch', () => {
    const list = new Proxy(['a'], {
      get() {
        throw new Error('trap')
      },
    })
    expect(() => settleCopy({ list })).toThrow('trap')
  })
})
