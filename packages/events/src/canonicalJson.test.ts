import fc from 'fast-check'
import type { JsonValue } from '@mp/core'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from './canonicalJson.ts'

describe('canonicalJson', () => {
  it('sorts keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }, 'x'] })).toBe('{"a":[{"c":3,"d":2},"x"],"b":1}')
  })

  it('gives the same text for the same content written in another key order', () => {
    expect(canonicalJson({ x: { q: 1, p: [true, null] }, y: 'é' })).toBe(canonicalJson({ y: 'é', x: { p: [true, null], q: 1 } }))
  })

  it('is valid JSON that parses back to the value', () => {
    const value = { 'odd "key"': 'line\nbreak', n: -1.5e-7, nested: { deep: [[1], {}] } }
    expect(JSON.parse(canonicalJson(value))).toEqual(value)
  })

  it('leaves out the named top-level keys only, and undefined members as JSON.stringify does', () => {
    expect(canonicalJson({ token: 't', b: 1, n: { token: 'kept' } }, ['token'])).toBe('{"b":1,"n":{"token":"kept"}}')
    expect(canonicalJson({ a: undefined, b: [1.5, -0, Number.NaN] } as never)).toBe('{"b":[1.5,0,null]}')
  })
})

describe('canonicalJson against a key-by-key reference writer', () => {
  // The writer canonicalJson had before its fast path, kept here as the reference the ids rest on.
  const reference = (value: unknown): string | undefined => {
    if (typeof value !== 'object' || value === null) return JSON.stringify(value)
    if (Array.isArray(value)) return `[${value.map((item) => reference(item) ?? 'null').join(',')}]`
    const parts: string[] = []
    for (const key of Object.keys(value).sort()) {
      const text = reference((value as Record<string, unknown>)[key])
      if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`)
    }
    return `{${parts.join(',')}}`
  }

  it('writes the same text for any JSON value, digit-led and __proto__ keys included', () => {
    const key = fc.oneof(fc.string(), fc.constantFrom('0', '10', '2', '01', '__proto__', 'a', 'B', 'é', '$insert_id'))
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.string(), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), tie('list'), tie('object')),
      list: fc.array(tie('value'), { maxLength: 4 }),
      object: fc.dictionary(key, tie('value'), { maxKeys: 5 }),
    })).value
    fc.assert(fc.property(json, (value) => {
        expect(canonicalJson(value as JsonValue)).toBe(reference(value) ?? 'null')
      }), { numRuns: 3000 })
  })
})
