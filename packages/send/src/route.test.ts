import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import type { Endpoint, MixpanelRequest } from '@mp/core'
import { basicAuth, route, tokenRoute } from './route.ts'
import { account, API_SECRET, decodeBasic, expectNoSecrets, resolved, SA_SECRET, SA_USER, TOKEN } from './test-fixtures.ts'

const req = (endpoint: Endpoint, auth: 'token' | 'secret' = 'token'): MixpanelRequest => ({ endpoint, auth, records: [{}] })
const user = (r: ReturnType<typeof route>) => (E.isRight(r) ? decodeBasic(r.right.authorization) : undefined)

describe('route', () => {
  it('never authenticates /track, /engage or /groups, whatever is configured, and asks for verbose answers', () => {
    const config = resolved({ serviceAccount: account(), apiSecret: API_SECRET })
    for (const endpoint of ['/track', '/engage', '/groups'] as const) {
      for (const auth of ['token', 'secret'] as const) {
        expect(route(config, req(endpoint, auth))).toMatchObject(E.right({ url: `https://api.mixpanel.com${endpoint}?verbose=1&ip=0`, authorization: undefined }))
      }
    }
  })
  it('uses the service account on /import, preferred over the API secret, with project_id', () => {
    const config = resolved({ serviceAccount: account(), apiSecret: API_SECRET })
    const r = route(config, req('/import', 'secret'))
    expect(user(r)).toStrictEqual([SA_USER, SA_SECRET])
    expect(E.isRight(r) && r.right.url).toBe('https://api.mixpanel.com/import?strict=1&project_id=123456')
    expect(E.isRight(r) && r.right.secrets).toEqual(expect.arrayContaining([SA_SECRET, E.isRight(r) ? r.right.authorization : '']))
  })
  it('uses the API secret with an empty password and no project_id when there is no service account', () => {
    const r = route(resolved({ apiSecret: API_SECRET }), req('/import', 'secret'))
    expect(user(r)).toStrictEqual([API_SECRET, ''])
    expect(E.isRight(r) && r.right.url).toBe('https://api.mixpanel.com/import?strict=1')
  })
  it('uses the token as Basic user for an auth:token /import when no secret is configured', () => {
    expect(user(route(resolved(), req('/import', 'token')))).toStrictEqual([TOKEN, ''])
  })
  it('refuses a secret descriptor without credentials, even for /track, naming what to set and no secret', () => {
    for (const endpoint of ['/import', '/track'] as const) {
      const result = route(resolved(), req(endpoint, 'secret'))
      expect(E.isLeft(result) && result.left).toMatchObject({ _tag: 'ConfigError', message: expect.stringMatching(/serviceAccount.*apiSecret/) })
      expectNoSecrets(result)
    }
  })
  it('keeps the host’s path prefix', () => {
    const r = route(resolved({ host: 'http://127.0.0.1:4000/proxy/', apiSecret: API_SECRET }), req('/import', 'secret'))
    expect(E.isRight(r) && r.right.url).toBe('http://127.0.0.1:4000/proxy/import?strict=1')
  })
})

describe('tokenRoute', () => {
  it('routes /track, /engage and /groups with the token, without reading any credentials', () => {
    const config = resolved({ serviceAccount: account() })
    for (const endpoint of ['/track', '/engage', '/groups'] as const) {
      expect(tokenRoute(config, req(endpoint))).toStrictEqual(E.right({ url: `https://api.mixpanel.com${endpoint}?verbose=1&ip=0`, authorization: undefined, secrets: [] }))
    }
  })
  it('refuses what needs route: /import, or a secret', () => {
    expect(tokenRoute(resolved(), req('/import'))).toMatchObject(E.left({ _tag: 'ValidationError', path: 'request' }))
    expect(tokenRoute(resolved(), req('/track', 'secret'))).toMatchObject(E.left({ _tag: 'ValidationError', path: 'request' }))
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
