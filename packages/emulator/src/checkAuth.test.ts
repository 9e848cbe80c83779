import { describe, expect, it } from 'vitest'
import { checkAuth } from './checkAuth.ts'

const basic = (user: string, pass = '') => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`
const expected = { token: 'tok', apiSecret: 'sec', serviceAccount: { username: 'sa', secret: 'sas', projectId: '7' } }

describe('checkAuth', () => {
  it('without expected credentials, accepts any Basic credential with a user', () => {
    expect(checkAuth(basic('x', 'y'), undefined, undefined)).toBe(true)
    expect(checkAuth(basic(''), undefined, undefined)).toBe(false)
    expect(checkAuth(undefined, undefined, undefined)).toBe(false)
    expect(checkAuth('Bearer abc', undefined, undefined)).toBe(false)
    expect(checkAuth(`Basic ${Buffer.from('nocolon').toString('base64')}`, undefined, undefined)).toBe(false)
  })

  it('accepts the service account only with its project id, in base64 or plain text', () => {
    expect(checkAuth(basic('sa', 'sas'), '7', expected)).toBe(true)
    expect(checkAuth('basic sa:sas', '7', expected)).toBe(true)
    expect(checkAuth(basic('sa', 'sas'), '8', expected)).toBe(false)
    expect(checkAuth(basic('sa', 'sas'), undefined, expected)).toBe(false)
    expect(checkAuth(basic('sa', 'wrong'), '7', expected)).toBe(false)
  })

  it('accepts the API secret or token as Basic user with an empty password', () => {
    expect(checkAuth(basic('sec'), undefined, expected)).toBe(true)
    expect(checkAuth(basic('tok'), undefined, expected)).toBe(true)
    expect(checkAuth(basic('tok', 'x'), undefined, expected)).toBe(false)
    expect(checkAuth(basic('other'), undefined, expected)).toBe(false)
    expect(checkAuth(basic('sec'), undefined, { token: 'tok' })).toBe(false)
  })
})
