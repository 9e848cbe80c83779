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
