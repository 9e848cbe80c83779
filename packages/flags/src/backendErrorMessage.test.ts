import { describe, expect, it } from 'vitest'
import { httpError, networkError, rateLimited } from '@mp/core'
import { backendErrorMessage } from './backendErrorMessage.ts'

describe('backendErrorMessage', () => {
  it('words HTTP failures as mixpanel-python does', () => {
    expect(backendErrorMessage(httpError('/flags', 400, '{"error":"bad"}', 1), 'tok')).toBe('HTTP 400: {"error":"bad"}')
    expect(backendErrorMessage(httpError('/flags', 502, '', 1), 'tok')).toBe('HTTP 502')
    expect(backendErrorMessage(rateLimited('/flags', 1), 'tok')).toBe('HTTP 429')
    expect(backendErrorMessage(networkError('/flags', 1, 'connection refused'), 'tok')).toBe('Could not reach Mixpanel for /flags after 1 attempt: connection refused')
  })

  it('cuts the token out, plain or URL-encoded', () => {
    const token = 'a b/c'
    const message = backendErrorMessage(httpError('/flags', 401, `bad token a b/c (a%20b%2Fc)`, 1), token)
    expect(message).toBe('HTTP 401: bad token *** (***)')
  })
})
