import { describe, expect, it } from 'vitest'
import { basicAuth } from './basicAuth.ts'
import { secretsOf } from './secretsOf.ts'
import { account, API_SECRET, resolved, SA_SECRET, TOKEN } from './test-fixtures.ts'

describe('secretsOf', () => {
  it('lists the service-account secret and the Authorization value in use', () => {
    const auth = basicAuth('robot', SA_SECRET)
    const list = secretsOf(resolved({ serviceAccount: account() }), [auth])
    expect(list).toContain(SA_SECRET)
    expect(list).toContain(auth)
    expect(list).toContain(auth.slice(6))
  })
  it('lists the API secret, also URL-encoded and JSON-escaped', () => {
    const odd = 'a/b"c d'
    const list = secretsOf(resolved({ apiSecret: odd }))
    expect(list).toEqual(expect.arrayContaining([odd, encodeURIComponent(odd), 'a/b\\"c d']))
    expect(secretsOf(resolved({ apiSecret: API_SECRET }))).toContain(API_SECRET)
  })
  it('adds extra strings such as the token, and nothing empty', () => {
    const list = secretsOf(resolved(), [TOKEN])
    expect(list).toContain(TOKEN)
    expect(list.every((s) => s.length > 0)).toBe(true)
  })
})
