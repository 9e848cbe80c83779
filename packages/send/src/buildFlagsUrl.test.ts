import { describe, expect, it } from 'vitest'
import { buildFlagsUrl } from './buildFlagsUrl.ts'
import { account, API_SECRET, resolved, SA_SECRET, TOKEN } from './test-fixtures.ts'

describe('buildFlagsUrl', () => {
  it('adds token after the caller’s query', () => {
    const url = new URL(buildFlagsUrl(resolved(), { path: '/flags', query: { context: '{"distinct_id":"u 1"}', flag_key: 'k' } }))
    expect(url.pathname).toBe('/flags')
    expect(url.searchParams.get('context')).toBe('{"distinct_id":"u 1"}')
    expect(url.searchParams.get('flag_key')).toBe('k')
    expect(url.searchParams.get('token')).toBe(TOKEN)
    expect(url.searchParams.has('project_id')).toBe(false)
  })
  it('adds project_id with a service account, and the config wins over the query', () => {
    const url = new URL(buildFlagsUrl(resolved({ serviceAccount: account() }), { path: '/flags/definitions', query: { token: 'other', project_id: '9' } }))
    expect(url.searchParams.getAll('token')).toStrictEqual([TOKEN])
    expect(url.searchParams.getAll('project_id')).toStrictEqual(['123456'])
    expect(url.href).not.toContain(SA_SECRET)
  })
  it('carries no project_id with an API secret', () => {
    const url = buildFlagsUrl(resolved({ apiSecret: API_SECRET }), { path: '/flags', query: { project_id: '9' } })
    expect(url).not.toContain('project_id')
    expect(url).not.toContain(API_SECRET)
  })
})
