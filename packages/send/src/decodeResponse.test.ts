import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import type { Endpoint } from '@mp/core'
import { decodeResponse, failedStatus } from './decodeResponse.ts'

const answer = (status: number, body: string, retryAfterMs?: number, attempts = 2) => ({ status, body, retryAfterMs, attempts })
const decode = (endpoint: Endpoint, status: number, body: string, secrets: string[] = []) => decodeResponse(endpoint, answer(status, body), secrets)
const left = (r: ReturnType<typeof decodeResponse>) => (E.isLeft(r) ? r.left : undefined)

describe('decodeResponse: /track, /engage, /groups', () => {
  it.each(['/track', '/engage', '/groups'] as const)('accepts plain 1 and verbose status 1 on %s', (endpoint) => {
    expect(decode(endpoint, 200, '1')).toStrictEqual(E.right(undefined))
    expect(decode(endpoint, 200, '{"error":null,"status":1}')).toStrictEqual(E.right(undefined))
    expect(decode(endpoint, 200, '{"status": 1, "error": null}\n')).toStrictEqual(E.right(undefined))
  })
  it('turns plain 0 into ApiRejected', () => {
    expect(left(decode('/track', 200, '0'))).toMatchObject({ _tag: 'ApiRejected', endpoint: '/track' })
  })
  it('turns verbose status 0 into ApiRejected with Mixpanel’s reason', () => {
    expect(left(decode('/engage', 200, '{"error":"token, missing or empty","status":0}'))).toMatchObject({
      _tag: 'ApiRejected',
      endpoint: '/engage',
      reason: 'token, missing or empty',
    })
  })
  it('turns a 2xx body Mixpanel never sends into DecodeError', () => {
    for (const body of ['<html>hi</html>', '', '2', '{"status":"ok"}', '[1]']) {
      expect(left(decode('/track', 200, body))).toMatchObject({ _tag: 'DecodeError', status: 200 })
    }
  })
})

describe('decodeResponse: strict /import', () => {
  it('reads the imported count', () => {
    expect(decode('/import', 200, '{"code":200,"num_records_imported":7,"status":"OK"}')).toStrictEqual(E.right(7))
  })
  it('turns a 200 without the count, or a track-style 1, into DecodeError', () => {
    expect(left(decode('/import', 200, '{"code":200,"status":"OK"}'))?._tag).toBe('DecodeError')
    expect(left(decode('/import', 200, '1'))?._tag).toBe('DecodeError')
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
    expect(left(decode('/import', 400, body))).toMatchObject({
      _tag: 'RecordsRejected',
      imported: 3,
      failed: [
        { index: 1, insertId: 'abc', field: 'properties.time', message: "'properties.time' is invalid: must not be in the future" },
        { index: 3, insertId: 'def', field: '$insert_id', message: 'bad' },
      ],
    })
  })
  it('turns other 400s, 401 and 403 into HttpError with the attempts so far', () => {
    expect(left(decode('/import', 400, '{"error":"bad"}'))).toMatchObject({ _tag: 'HttpError', status: 400, attempts: 2 })
    expect(left(decode('/import', 400, '{"failed_records":[{"index":"x"}]}'))).toMatchObject({ _tag: 'HttpError', status: 400 })
    expect(left(decode('/import', 401, '{"code":401,"error":"Invalid credentials","status":"Unauthorized"}'))).toMatchObject({
      _tag: 'HttpError',
      status: 401,
      body: '{"code":401,"error":"Invalid credentials","status":"Unauthorized"}',
    })
    expect(left(decode('/track', 403, 'forbidden'))).toMatchObject({ _tag: 'HttpError', status: 403 })
    expect(left(decode('/track', 400, '{"failed_records":[]}'))).toMatchObject({ _tag: 'HttpError', status: 400 })
  })
})

describe('decodeResponse: retries spent, too large, redirects', () => {
  it('turns the last 429 into RateLimited with its Retry-After, and the last 5xx into HttpError', () => {
    expect(decodeResponse('/import', answer(429, 'slow down', 3000, 5), [])).toStrictEqual(
      E.left({ _tag: 'RateLimited', endpoint: '/import', attempts: 5, retryAfterMs: 3000, message: 'Mixpanel rate-limited /import (HTTP 429) on all 5 attempts; retry later with backoff' }),
    )
    expect(left(decode('/track', 503, 'busy'))).toMatchObject({ _tag: 'HttpError', status: 503, body: 'busy', attempts: 2 })
    expect('retryAfterMs' in (left(decode('/track', 429, '')) ?? {})).toBe(false)
  })
  it('turns 413 into PayloadTooLarge (the caller halves the records)', () => {
    expect(left(decode('/import', 413, '{"code":413}'))).toMatchObject({ _tag: 'PayloadTooLarge', endpoint: '/import' })
  })
  it('never follows a redirect: 3xx (or an opaque redirect, status 0) is an HttpError', () => {
    for (const status of [0, 301, 307]) {
      expect(left(decode('/import', status, 'Location: elsewhere'))).toMatchObject({ _tag: 'HttpError', status, body: 'redirect not followed' })
    }
  })
  it('scrubs secrets from every body text it keeps and caps its length', () => {
    const secret = 'hunter2-secret'
    const echoed = `error for ${secret} ${'x'.repeat(1000)}`
    for (const status of [200, 400, 401, 413, 500]) {
      const text = JSON.stringify(decode('/import', status, echoed, [secret]))
      expect(text).not.toContain(secret)
      expect(text.length).toBeLessThan(900)
    }
    expect(JSON.stringify(decode('/track', 200, JSON.stringify({ status: 0, error: `bad ${secret}` }), [secret]))).not.toContain(secret)
  })
})

describe('failedStatus', () => {
  it('makes a final HttpError with the attempts so far and a scrubbed body', () => {
    expect(failedStatus('/flags', answer(401, 'bad s3cr3t', undefined, 3), ['s3cr3t'])).toStrictEqual({
      _tag: 'HttpError',
      endpoint: '/flags',
      status: 401,
      body: 'bad ***',
      attempts: 3,
      message: 'Mixpanel answered HTTP 401 for /flags (3 attempts): bad ***',
    })
  })
})
