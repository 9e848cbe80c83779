import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { decodeFlagsResponse } from './decodeFlagsResponse.ts'

const ctx = { endpoint: '/flags', attempts: 1, secrets: ['tok3n'], now: 0 }
const res = (status: number, body: string, retryAfter: string | null = null) => ({ status, body, retryAfter })

describe('decodeFlagsResponse', () => {
  it('parses 2xx JSON', () => {
    expect(decodeFlagsResponse(res(200, '{"code":200,"flags":{}}'), ctx)).toStrictEqual({ kind: 'done', result: E.right({ code: 200, flags: {} }) })
  })
  it('turns 2xx non-JSON into DecodeError', () => {
    const v = decodeFlagsResponse(res(200, '<html>'), ctx)
    expect(v.kind === 'done' && E.isLeft(v.result) && v.result.left._tag).toBe('DecodeError')
  })
  it('marks 429 and 5xx transient', () => {
    expect(decodeFlagsResponse(res(429, '', '1'), ctx)).toMatchObject({ kind: 'transient', cause: { status: 429, retryAfterMs: 1000 } })
    expect(decodeFlagsResponse(res(502, ''), ctx).kind).toBe('transient')
  })
  it('turns 400/401 and redirects into HttpError without the token', () => {
    const v = decodeFlagsResponse(res(400, '{"error":"distinct_id must be provided for tok3n","status":"error"}'), ctx)
    expect(v).toMatchObject({ kind: 'done', result: { left: { _tag: 'HttpError', status: 400 } } })
    expect(JSON.stringify(v)).not.toContain('tok3n')
    expect(decodeFlagsResponse(res(302, ''), ctx)).toMatchObject({ result: { left: { _tag: 'HttpError', body: 'redirect not followed' } } })
  })
})
