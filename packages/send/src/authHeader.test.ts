import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import type { Endpoint, MixpanelRequest } from '@mp/core'
import { authHeader, basicAuth } from './authHeader.ts'
import { account, API_SECRET, decodeBasic, expectNoSecrets, resolved, SA_SECRET, SA_USER, TOKEN } from './test-fixtures.ts'

const req = (endpoint: Endpoint, auth: 'token' | 'secret' = 'token'): MixpanelRequest => ({ endpoint, auth, records: [{}] })
const user = (e: E.Either<unknown, string | undefined>) => (E.isRight(e) ? decodeBasic(e.right) : undefined)

describe('authHeader', () => {
  it('never authenticates /track, /engage or /groups, whatever is configured', () => {
    const config = resolved({ serviceAccount: account(), apiSecret: API_SECRET })
    for (const endpoint of ['/track', '/engage', '/groups'] as const) {
      expect(authHeader(config, req(endpoint))).toStrictEqual(E.right(undefined))
      expect(authHeader(config, req(endpoint, 'secret'))).toStrictEqual(E.right(undefined))
    }
  })
  it('uses the service account on /import, preferred over the API secret', () => {
    const config = resolved({ serviceAccount: account(), apiSecret: API_SECRET })
    expect(user(authHeader(config, req('/import', 'secret')))).toStrictEqual([SA_USER, SA_SECRET])
  })
  it('uses the API secret with an empty password when there is no service account', () => {
    expect(user(authHeader(resolved({ apiSecret: API_SECRET }), req('/import', 'secret')))).toStrictEqual([API_SECRET, ''])
  })
  it('uses the token as Basic user for an auth:token descriptor when no secret is configured', () => {
    expect(user(authHeader(resolved(), req('/import', 'token')))).toStrictEqual([TOKEN, ''])
  })
  it('refuses a secret descriptor without credentials, naming what to set', () => {
    const result = authHeader(resolved(), req('/import', 'secret'))
    expect(E.isLeft(result) && result.left._tag).toBe('ConfigError')
    expect(E.isLeft(result) && result.left.message).toMatch(/serviceAccount.*apiSecret/)
  })
  it('refuses a secret descriptor without credentials even for /track', () => {
    expect(E.isLeft(authHeader(resolved(), req('/track', 'secret')))).toBe(true)
  })
  it('puts no secret into its errors', () => {
    expectNoSecrets(authHeader(resolved(), req('/import', 'secret')))
  })
})

describe('basicAuth', () => {
  it('base64-encodes user:password', () => {
    expect(basicAuth('secret', '')).toBe(`Basic ${Buffer.from('secret:').toString('base64')}`)
    expect(basicAuth('robot', 'pw')).toBe(`Basic ${Buffer.from('robot:pw').toString('base64')}`)
  })
  it('encodes non-Latin-1 characters as UTF-8 instead of throwing', () => {
    expect(basicAuth('ключ✓', '密')).toBe(`Basic ${Buffer.from('ключ✓:密', 'utf8').toString('base64')}`)
  })
})
