import { describe, expect, it } from 'vitest'
import { bodySnippet, SNIPPET_LENGTH } from './bodySnippet.ts'

describe('bodySnippet', () => {
  it('replaces every occurrence of every secret', () => {
    expect(bodySnippet('a s3cr3t b s3cr3t c t0k', ['s3cr3t', 't0k'])).toBe('a *** b *** c ***')
  })
  it('removes a longer secret whole even when it contains a shorter one', () => {
    expect(bodySnippet('x abcdef y', ['abc', 'abcdef'])).toBe('x *** y')
  })
  it('cuts long text after scrubbing, so no secret survives at the cut', () => {
    const secret = 'Z'.repeat(20)
    const text = `${'a'.repeat(SNIPPET_LENGTH - 5)}${secret}${'b'.repeat(500)}`
    const out = bodySnippet(text, [secret])
    expect(out.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 1)
    expect(out).not.toContain('ZZZZZ')
    expect(out.endsWith('…')).toBe(true)
  })
  it('ignores empty secrets and trims', () => {
    expect(bodySnippet('  ok \n', ['', ''])).toBe('ok')
  })
})
