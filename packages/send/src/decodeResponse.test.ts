import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import type { Endpoint } from '@mp/core'
import { decodeResponse } from './decodeResponse.ts'

const ctx = (endpoint: Endpoint, secrets: string[] = []) => ({ endpoint, attempts: 2, secrets, now: Date.parse('2024-01-01T00:00:00Z') })
const res = (status: number, body: string, retryAfter: string | null = null) => ({ status, body, retryAfter })
const left = (v: ReturnType<typeof decodeResponse>) => (v.kind === 'done' && E.isLeft(v.result) ? v.result.left : undefined)

describe('decodeResponse: /track, /engage, /groups', () => {
  it.each(['/track', '/engage', '/groups'] as const)('accepts plain 1 and verbose status 1 on %s', (endpoint) => {
    expect(decodeResponse(res(200, '1'), ctx(endpoint))).toStrictEqual({ kind: 'done', result: E.right({}) })
    expect(decodeResponse(res(200, '{"error":null,"status":1}'), ctx(endpoint))).toStrictEqual({ kind: 'done', result: E.right({}) })
    expect(decodeResponse(res(200, '{"status": 1, "error": null}\n'), ctx(endpoint))).toStrictEqual({ kind: 'done', result: E.right({}) })
  })
  it('turns plain 0 into ApiRejected', () => {
    expect(left(decodeResponse(res(200, '0'), ctx('/track')))).toMatchObject({ _tag: 'ApiRejected', endpoint: '/track' })
  })
  it('turns verbose status 0 into ApiRejected with Mixpanel’s reason, final (not transient)', () => {
    const v = decodeResponse(res(200, '{"error":"token, missing or empty","status":0}'), ctx('/engage'))
    expect(left(v)).toMatchObject({ _tag: 'ApiRejected', endpoint: '/engage', reason: 'token, missing or empty' })
  })
  it('turns a 2xx body Mixpanel never sends into DecodeError', () => {
    for (const body of ['<html>hi</html>', '', '2', '{"status":"ok"}', '[1]']) {
      expect(left(decodeResponse(res(200, body), ctx('/track')))).toMatchObject({ _tag: 'DecodeError', status: 200 })
    }
  })
})

describe('decodeResponse: strict /import', () => {
  it('reads the imported count', () => {
    const v = decodeResponse(res(200, '{"code":200,"num_records_imported":7,"status":"OK"}'), ctx('/import'))
    expect(v).toStrictEqual({ kind: 'done', result: E.right({ imported: 7 }) })
  })
  it('turns a 200 without the count, or a track-style 1, into DecodeError', () => {
    expect(left(decodeResponse(res(200, '{"code":200,"status":"OK"}'), ctx('/import')))?._tag).toBe('DecodeError')
    expect(left(decodeResponse(res(200, '1'), ctx('/import')))?._tag).toBe('DecodeError')
  })
  it('turns 400 with failed_records into RecordsRejected', () => {
    const body = JSON.stringify({
      code: 400,
      error: 'some data points in the request failed validation',
      status: 'Bad Request',
      num_records_imported: 3,
      failed_records: [
        { index: 1, insert_id: 'abc', field: 'properties.time', message: "'properties.time' is invalid: must not be in the future" },
        { index: 3, $insert_id: 'def', field: '$insert_id', message: 'bad' },
      ],
    })
    expect(left(decodeResponse(res(400, body), ctx('/import')))).toMatchObject({
      _tag: 'RecordsRejected',
      imported: 3,
      failed: [
        { index: 1, insertId: 'abc', field: 'properties.time', message: "'properties.time' is invalid: must not be in the future" },
        { index: 3, insertId: 'def', field: '$insert_id', message: 'bad' },
      ],
    })
  })
  it('turns other 400s, 401 and 403 into HttpError with the attempts so far', () => {
    expect(left(decodeResponse(res(400, '{"error":"bad"}'), ctx('/import')))).toMatchObject({ _tag: 'HttpError', status: 400, attempts: 2 })
    expect(left(decodeResponse(res(400, '{"failed_records":[{"index":"x"}]}'), ctx('/import')))).toMatchObject({ _tag: 'HttpError', status: 400 })
    expect(left(decodeResponse(res(401, '{"code":401,"error":"Invalid credentials","status":"Unauthorized"}'), ctx('/import')))).toMatchObject({
      _tag: 'HttpError',
      status: 401,
      body: '{"code":401,"error":"Invalid credentials","status":"Unauthorized"}',
    })
    expect(left(decodeResponse(res(403, 'forbidden'), ctx('/track')))).toMatchObject({ _tag: 'HttpError', status: 403 })
    expect(left(decodeResponse(res(400, '{"failed_records":[]}'), ctx('/track')))).toMatchObject({ _tag: 'HttpError', status: 400 })
  })
})

describe('decodeResponse: transient, too large, redirects', () => {
  it('marks 429 and 5xx transient, with Retry-After in ms', () => {
    expect(decodeResponse(res(429, 'slow down', '3'), ctx('/import'))).toStrictEqual({
      kind: 'transient',
      cause: { kind: 'status', status: 429, body: 'slow down', retryAfterMs: 3000 },
    })
    expect(decodeResponse(res(503, 'busy'), ctx('/track'))).toStrictEqual({ kind: 'transient', cause: { kind: 'status', status: 503, body: 'busy' } })
    expect(decodeResponse(res(500, ''), ctx('/track')).kind).toBe('transient')
  })
  it('marks 413 as too large', () => {
    expect(decodeResponse(res(413, '{"code":413}'), ctx('/import')).kind).toBe('tooLarge')
  })
  it('never follows a redirect: 3xx (or an opaque redirect, status 0) is an HttpError', () => {
    expect(left(decodeResponse(res(307, ''), ctx('/import')))).toMatchObject({ _tag: 'HttpError', status: 307, body: 'redirect not followed' })
    expect(left(decodeResponse(res(0, ''), ctx('/import')))).toMatchObject({ _tag: 'HttpError', status: 0 })
  })
  it('scrubs secrets from every body text it keeps and caps its length', () => {
    const secret = 'hunter2-secret'
    const echoed = `error for ${secret} ${'x'.repeat(1000)}`
    for (const status of [200, 400, 401, 500]) {
      const v = decodeResponse(res(status, echoed), ctx('/import', [secret]))
      const text = JSON.stringify(v)
      expect(text).not.toContain(secret)
      expect(text.length).toBeLessThan(900)
    }
    const rejected = decodeResponse(res(200, JSON.stringify({ status: 0, error: `bad ${secret}` })), ctx('/track', [secret]))
    expect(JSON.stringify(rejected)).not.toContain(secret)
  })
})
