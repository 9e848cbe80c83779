import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { decodeBody, type BodyInput } from './decodeBody.ts'

const input = (body: string | Buffer, overrides: Partial<BodyInput> = {}): BodyInput => ({
  contentType: 'application/json',
  contentEncoding: '',
  body: typeof body === 'string' ? Buffer.from(body) : body,
  overflow: false,
  queryData: undefined,
  maxBytes: 1000,
  ...overrides,
})

describe('decodeBody', () => {
  it('decodes JSON, NDJSON (also under a JSON content type) and forms', () => {
    expect(decodeBody(input('[{"a":1}]'))).toEqual({ ok: true, encoding: 'json', gzip: false, form: {}, records: [{ a: 1 }] })
    expect(decodeBody(input('{"a":1}\n\n{"b":2}\n', { contentType: 'application/x-ndjson' }))).toMatchObject({
      ok: true,
      encoding: 'ndjson',
      records: [{ a: 1 }, { b: 2 }],
    })
    expect(decodeBody(input('{"a":1}\n{"b":2}'))).toMatchObject({ encoding: 'ndjson', records: [{ a: 1 }, { b: 2 }] })
    expect(decodeBody(input('data=%7B%22a%22%3A1%7D&verbose=1', { contentType: 'application/x-www-form-urlencoded' }))).toEqual({
      ok: true,
      encoding: 'form',
      gzip: false,
      form: { verbose: '1' },
      records: [{ a: 1 }],
    })
  })

  it('recognises a form body sent without a form content type', () => {
    expect(decodeBody(input(`data=${Buffer.from('{"a":1}').toString('base64')}`, { contentType: '' }))).toMatchObject({
      encoding: 'form-base64',
      records: [{ a: 1 }],
    })
  })

  it('uses ?data= when the body is empty', () => {
    expect(decodeBody(input('', { queryData: '{"a":1}' }))).toMatchObject({ ok: true, encoding: 'get', records: [{ a: 1 }] })
  })

  it('keeps the form fields when data is missing or bad', () => {
    expect(decodeBody(input('verbose=1', { contentType: 'application/x-www-form-urlencoded' }))).toEqual({
      ok: false,
      encoding: 'form',
      gzip: false,
      form: { verbose: '1' },
      error: 'data, missing or empty',
      tooLarge: false,
    })
  })

  it('gunzips and measures the limit on the uncompressed size', () => {
    expect(decodeBody(input(gzipSync('[{"a":1}]'), { contentEncoding: 'gzip' }))).toMatchObject({ ok: true, gzip: true })
    expect(decodeBody(input(gzipSync(`[{"a":"${'x'.repeat(2000)}"}]`), { contentEncoding: 'gzip' }))).toMatchObject({
      ok: false,
      tooLarge: true,
    })
    expect(decodeBody(input('not gzip', { contentEncoding: 'gzip' }))).toMatchObject({ ok: false, error: 'body is not valid gzip' })
  })

  it('reports an oversized body and an empty body', () => {
    expect(decodeBody(input('x'.repeat(1001)))).toMatchObject({ ok: false, tooLarge: true })
    expect(decodeBody(input('', { overflow: true }))).toMatchObject({ ok: false, tooLarge: true })
    expect(decodeBody(input(''))).toMatchObject({ ok: false, error: 'data, missing or empty', tooLarge: false })
  })

  it('refuses bad JSON and bad NDJSON lines', () => {
    expect(decodeBody(input('{'))).toMatchObject({ ok: false, error: 'body is not valid JSON' })
    expect(decodeBody(input('{"a":1}\n[1]', { contentType: 'application/x-ndjson' }))).toMatchObject({ ok: false })
    expect(decodeBody(input('{"a":1}\n{', { contentType: 'application/x-ndjson' }))).toMatchObject({ error: 'body is not valid NDJSON' })
  })
})
