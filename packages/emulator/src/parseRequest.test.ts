import { describe, expect, it } from 'vitest'
import { parseRequest } from './parseRequest.ts'

describe('parseRequest', () => {
  it('normalises the path and merges query and form fields, leaving data out', () => {
    const parsed = parseRequest({
      method: 'post',
      url: '/track/?verbose=0&ip=1&data=ignored',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'x-multi': ['a', 'b'], skipped: undefined },
      body: Buffer.from('data=%5B%5D&verbose=1'),
      overflow: false,
      maxBytes: 100,
    })
    expect(parsed.method).toBe('POST')
    expect(parsed.path).toBe('/track')
    expect(parsed.query).toEqual({ verbose: '1', ip: '1' })
    expect(parsed.headers).toEqual({ 'content-type': 'application/x-www-form-urlencoded', 'x-multi': 'a, b' })
  })

  it('decodes GET ?data=', () => {
    const data = encodeURIComponent(Buffer.from('{"event":"a"}').toString('base64'))
    const parsed = parseRequest({ method: 'GET', url: `/engage?data=${data}`, headers: {}, body: Buffer.alloc(0), overflow: false, maxBytes: 100 })
    expect(parsed.body).toMatchObject({ ok: true, encoding: 'get', records: [{ event: 'a' }] })
  })
})
