import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { copyJsonInto, formatDate, pathKey, toJson, toJsonObject } from './toJson.ts'

const errorOf = (value: unknown) => {
  const r = toJson(value, 'properties')
  if (E.isRight(r)) throw new Error(`expected a ValidationError for ${String(value)}`)
  return r.left
}

describe('toJson', () => {
  it('keeps JSON values as they are', () => {
    const value = { s: 'x', n: 1.5, b: true, z: null, a: [1, 'two', { three: 3 }], o: { deep: { er: [] } } }
    expect(toJson(value)).toEqual(E.right(value))
  })

  it('formats Dates as YYYY-MM-DDTHH:MM:SS in UTC, anywhere', () => {
    const d = new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678))
    expect(formatDate(d)).toBe('2024-01-02T03:04:05')
    expect(toJson({ at: d, list: [d], nested: { at: d } })).toEqual(
      E.right({ at: '2024-01-02T03:04:05', list: ['2024-01-02T03:04:05'], nested: { at: '2024-01-02T03:04:05' } }),
    )
  })

  it('drops undefined members and turns undefined array items into null, like JSON', () => {
    expect(toJson({ a: undefined, b: [undefined] })).toEqual(E.right({ b: [null] }))
  })

  it.each([
    [{ x: Number.NaN }, 'properties.x', /NaN/],
    [{ x: Number.POSITIVE_INFINITY }, 'properties.x', /Infinity/],
    [{ x: [1, Number.NEGATIVE_INFINITY] }, 'properties.x[1]', /Infinity/],
    [{ x: 10n }, 'properties.x', /bigint/],
    [{ x: () => 1 }, 'properties.x', /function/],
    [{ x: Symbol('s') }, 'properties.x', /symbol/],
    [{ x: new Date('nope') }, 'properties.x', /invalid Date/],
    [{ x: new Map() }, 'properties.x', /Map/],
    [{ x: new Set() }, 'properties.x', /Set/],
    [{ x: new Uint8Array(2) }, 'properties.x', /Uint8Array/],
    [{ x: new WeakMap() }, 'properties.x', /WeakMap/],
    [{ x: new ArrayBuffer(2) }, 'properties.x', /ArrayBuffer/],
    [{ x: new DataView(new ArrayBuffer(2)) }, 'properties.x', /DataView/],
    [{ 'odd key': { y: Number.NaN } }, 'properties["odd key"].y', /NaN/],
  ])('refuses %o at its path', (value, path, reason) => {
    const e = errorOf(value)
    expect(e._tag).toBe('ValidationError')
    expect(e.path).toBe(path)
    expect(e.message).toMatch(reason)
    expect(e.message).toContain(path)
  })

  it('refuses cycles but accepts shared references', () => {
    const shared = { v: 1 }
    expect(toJson({ a: shared, b: shared })).toEqual(E.right({ a: { v: 1 }, b: { v: 1 } }))
    const cyclic: Record<string, unknown> = { a: { b: {} } }
    ;(cyclic['a'] as { b: Record<string, unknown> }).b['back'] = cyclic
    expect(errorOf(cyclic)).toMatchObject({ path: 'properties.a.b.back', message: expect.stringMatching(/circular/) })
  })

  it('turns a throwing getter or Proxy trap into a ValidationError instead of throwing', () => {
    const getter = Object.defineProperty({}, 'boom', {
      enumerable: true,
      get() {
        throw new Error('kaboom')
      },
    })
    expect(errorOf(getter).message).toMatch(/kaboom/)
    const proxy = new Proxy({}, { ownKeys: () => { throw new Error('trap') } })
    expect(errorOf(proxy).message).toMatch(/trap/)
  })

  it('names a throwing getter at its own path', () => {
    const getter = Object.defineProperty({}, 'boom', {
      enumerable: true,
      get() {
        throw new Error('kaboom')
      },
    })
    expect(errorOf({ list: [1, getter] })).toStrictEqual({ _tag: 'ValidationError', path: 'properties.list[1].boom', message: 'Invalid properties.list[1].boom: could not be read (kaboom)' })
  })

  it('keeps __proto__ as a plain key and never touches Object.prototype', () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}') as unknown
    const r = toJson(hostile)
    if (E.isLeft(r)) throw new Error(r.left.message)
    expect(Object.getPrototypeOf(r.right)).toBe(Object.prototype)
    expect(Object.keys(r.right as object)).toEqual(['__proto__', 'constructor'])
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    expect(JSON.stringify(r.right)).toBe('{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}}}')
  })

  it('refuses absurd nesting instead of overflowing the stack', () => {
    let deep: unknown = 1
    for (let i = 0; i < 10_000; i++) deep = { d: deep }
    expect(errorOf(deep).message).toMatch(/nested more than/)
  })

  it('converts instances of other classes by their own keys, whatever their tag', () => {
    class Settings {
      readonly [Symbol.toStringTag] = 'Settings'
      plan = 'pro'
    }
    expect(toJson({ s: new Settings() })).toEqual(E.right({ s: { plan: 'pro' } }))
  })

  it('honours toJSON of non-Date objects', () => {
    expect(toJson({ money: { toJSON: () => '12.50' } })).toEqual(E.right({ money: '12.50' }))
  })
})

describe('toJsonObject', () => {
  it('treats undefined as an empty object', () => {
    expect(toJsonObject(undefined)).toEqual(E.right({}))
  })

  it.each([null, [], 'x', 1, new Date(0)])('refuses %o with a clear message', (value) => {
    const r = toJsonObject(value, 'meta')
    expect(E.isLeft(r) && r.left.message).toMatch(/^Invalid meta: must be an object of properties/)
  })
})

describe('toJsonObject with hostile proxies', () => {
  it('answers a ValidationError for a revoked Proxy instead of throwing', () => {
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    const r = toJsonObject(proxy, 'meta')
    expect(E.isLeft(r) && r.left).toMatchObject({ _tag: 'ValidationError', path: 'meta' })
  })
})

describe('pathKey', () => {
  it('appends identifiers with a dot, other keys quoted and indexes in brackets', () => {
    expect(pathKey('properties', 'plan')).toBe('properties.plan')
    expect(pathKey('', 'plan')).toBe('plan')
    expect(pathKey('properties', 'odd key')).toBe('properties["odd key"]')
    expect(pathKey('properties', '0')).toBe('properties["0"]')
    expect(pathKey('properties.list', 2)).toBe('properties.list[2]')
  })
})

describe('copyJsonInto', () => {
  it('converts the members into the target, after what it holds; a member replaces a default in place', () => {
    const target = { token: 't', time: 1 }
    const out = copyJsonInto(target, { plan: 'pro', time: 2, at: new Date(0), gone: undefined }, 'properties')
    expect(E.isRight(out) && out.right).toBe(target)
    expect(JSON.stringify(target)).toBe('{"token":"t","time":2,"plan":"pro","at":"1970-01-01T00:00:00"}')
  })

  it('adds nothing for undefined and refuses what toJsonObject refuses, at the same path', () => {
    expect(copyJsonInto({ a: 1 }, undefined, 'properties')).toEqual(E.right({ a: 1 }))
    for (const source of [['x'], 'x', null, new Map(), { toJSON: () => 'x' }, { n: Number.NaN }]) {
      expect(copyJsonInto({}, source, 'properties')).toEqual(toJsonObject(source, 'properties'))
    }
  })

  it('takes a class instance or a toJSON method the long way, as toJsonObject converts it', () => {
    class Plan {
      readonly name = 'pro'
    }
    expect(copyJsonInto({ a: 1 }, new Plan(), 'properties')).toEqual(E.right({ a: 1, name: 'pro' }))
    expect(copyJsonInto({ a: 1 }, { toJSON: () => ({ b: 2 }) }, 'properties')).toEqual(E.right({ a: 1, b: 2 }))
  })

  it('refuses a cycle through the source itself and never throws on a hostile source', () => {
    const looped: Record<string, unknown> = { a: 1 }
    looped['self'] = looped
    expect(copyJsonInto({}, looped, 'properties')).toMatchObject(E.left({ path: 'properties.self', message: expect.stringMatching(/circular/) }))
    const hostile = new Proxy({}, { getPrototypeOf: () => { throw new Error('trap') } })
    expect(copyJsonInto({}, hostile, 'properties')).toMatchObject(E.left({ _tag: 'ValidationError', path: 'properties' }))
  })
})

describe('toJson at the top level', () => {
  it('takes null and primitives as they are and refuses undefined', () => {
    expect(toJson(null)).toEqual(E.right(null))
    expect(toJson('x')).toEqual(E.right('x'))
    expect(toJson(undefined, 'p')).toMatchObject(E.left({ path: 'p', message: 'Invalid p: undefined is not JSON' }))
  })
})
