import { describe, expect, it } from 'vitest'
import { basicAuth } from './route.ts'
import { scrub, secretsOf, SNIPPET_LENGTH } from './secrets.ts'
import { account, API_SECRET, resolved, SA_SECRET, TOKEN } from './test-fixtures.ts'

describe('secretsOf', () => {
  it('lists the service-account secret and the Authorization value in use, whole and its base64 part', () => {
    const auth = basicAuth('robot', SA_SECRET)
    const list = secretsOf(resolved({ serviceAccount: account() }), auth)
    expect(list).toContain(SA_SECRET)
    expect(list).toContain(auth)
    expect(list).toContain(auth.slice(6))
  })
  it('lists the API secret, also URL-encoded and JSON-escaped', () => {
    const odd = 'a/b"c d'
    expect(secretsOf(resolved({ apiSecret: odd }))).toEqual(expect.arrayContaining([odd, encodeURIComponent(odd), 'a/b\\"c d']))
    expect(secretsOf(resolved({ apiSecret: API_SECRET }))).toContain(API_SECRET)
  })
  it('adds extra strings such as the token, and nothing empty', () => {
    const list = secretsOf(resolved(), TOKEN, undefined)
    expect(list).toContain(TOKEN)
    expect(list.every((s) => s.length > 0)).toBe(true)
  })
})

describe('scrub', () => {
  it('replaces every occurrence of every secret', () => {
    expect(scrub('a s3cr3t b s3cr3t c t0k', ['s3cr3t', 't0k'])).toBe('a *** b *** c ***')
  })
  it('removes a longer secret whole even when it contains a shorter one', () => {
    expect(scrub('x abcdef y', ['abc', 'abcdef'])).toBe('x *** y')
  })
  it('cuts long text after scrubbing, so no secret survives at the cut', () => {
    const secret = 'Z'.repeat(20)
    const out = scrub(`${'a'.repeat(SNIPPET_LENGTH - 5)}${secret}${'b'.repeat(500)}`, [secret])
    expect(out.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 1)
    expect(out).not.toContain('ZZZZZ')
    expect(out.endsWith('…')).toBe(true)
  })
  it('ignores empty secrets and trims', () => {
    expect(scrub('  ok \n', ['', ''])).toBe('ok')
  })
})
