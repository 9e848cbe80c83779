import { describe, expect, it } from 'vitest'
import { basicAuth } from './basicAuth.ts'

describe('basicAuth', () => {
  it('base64-encodes user:password', () => {
    expect(basicAuth('secret', '')).toBe(`Basic ${Buffer.from('secret:').toString('base64')}`)
    expect(basicAuth('robot', 'pw')).toBe(`Basic ${Buffer.from('robot:pw').toString('base64')}`)
  })
  it('encodes non-Latin-1 characters as UTF-8 instead of throwing', () => {
    expect(basicAuth('ключ✓', '密')).toBe(`Basic ${Buffer.from('ключ✓:密', 'utf8').toString('base64')}`)
  })
})
