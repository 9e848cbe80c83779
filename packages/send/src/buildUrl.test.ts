import { describe, expect, it } from 'vitest'
import { buildUrl } from './buildUrl.ts'
import { account, API_SECRET, resolved, SA_SECRET } from './test-fixtures.ts'

describe('buildUrl', () => {
  it('asks /track, /engage and /groups for verbose answers without IP geolocation', () => {
    const config = resolved({ serviceAccount: account() })
    expect(buildUrl(config, '/track')).toBe('https://api.mixpanel.com/track?verbose=1&ip=0')
    expect(buildUrl(config, '/engage')).toBe('https://api.mixpanel.com/engage?verbose=1&ip=0')
    expect(buildUrl(config, '/groups')).toBe('https://api.mixpanel.com/groups?verbose=1&ip=0')
  })
  it('makes /import strict and adds project_id only with a service account', () => {
    expect(buildUrl(resolved({ serviceAccount: account() }), '/import')).toBe('https://api.mixpanel.com/import?strict=1&project_id=123456')
    expect(buildUrl(resolved({ apiSecret: API_SECRET }), '/import')).toBe('https://api.mixpanel.com/import?strict=1')
    expect(buildUrl(resolved(), '/import')).toBe('https://api.mixpanel.com/import?strict=1')
  })
  it('keeps the host and path prefix of the config and never a secret', () => {
    const url = buildUrl(resolved({ host: 'http://127.0.0.1:4000/proxy/', serviceAccount: account() }), '/import')
    expect(url).toBe('http://127.0.0.1:4000/proxy/import?strict=1&project_id=123456')
    expect(url).not.toContain(SA_SECRET)
    expect(buildUrl(resolved({ region: 'eu' }), '/track')).toBe('https://api-eu.mixpanel.com/track?verbose=1&ip=0')
  })
})
