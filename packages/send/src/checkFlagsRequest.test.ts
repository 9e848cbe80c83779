import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { checkFlagsRequest } from './checkFlagsRequest.ts'

describe('checkFlagsRequest', () => {
  it('accepts the two flag paths with string queries', () => {
    expect(checkFlagsRequest({ path: '/flags', query: { context: '{}' } })).toStrictEqual(E.right({ path: '/flags', query: { context: '{}' } }))
    expect(checkFlagsRequest({ path: '/flags/definitions' })).toStrictEqual(E.right({ path: '/flags/definitions', query: {} }))
  })
  it('refuses other paths, non-string values and hostile objects', () => {
    const path = (x: unknown) => {
      const r = checkFlagsRequest(x)
      return E.isLeft(r) ? r.left.path : undefined
    }
    expect(path({ path: '/track', query: {} })).toBe('request.path')
    expect(path({ path: '/flags', query: { n: 1 } })).toBe('request.query.n')
    expect(path({ path: '/flags', query: [] })).toBe('request.query')
    expect(path(undefined)).toBe('request')
    expect(path(new Proxy({}, { get: () => { throw new Error('x') } }))).toBe('request')
  })
})
