import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { emulatorPerFile } from './emulatorPerFile.ts'
import { http } from './test-http.ts'

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0)
const DAY_S = 24 * 60 * 60
const emu = emulatorPerFile({ beforeAll, afterAll, beforeEach }, { port: 0, now: () => NOW, limits: { maxRecords: 3, maxBytes: 4000 } })

const event = (name: string, extra: Record<string, unknown> = {}) => ({
  event: name,
  properties: { token: 'tok', distinct_id: 'u1', ...extra },
})
const names = () => emu.events().map((e) => e.event)

// A base64 payload that contains '+', which mixpanel-node posts without URL-escaping.
const base64WithPlus = (): { json: string; base64: string } => {
  for (let i = 0; ; i++) {
    const json = JSON.stringify([event('Plus', { n: '>'.repeat(i) + '?~' })])
    const base64 = Buffer.from(json).toString('base64')
    if (base64.includes('+')) return { json, base64 }
  }
}

describe('POST /track body encodings', () => {
  it('accepts a JSON array', async () => {
    await http(emu.url, '/track', { json: [event('A'), event('B')] })
    expect(names()).toEqual(['A', 'B'])
    expect(emu.requests()[0]).toMatchObject({ encoding: 'json', gzip: false, records: [event('A'), event('B')] })
  })

  it('accepts a single JSON object', async () => {
    expect((await http(emu.url, '/track', { json: event('Single') })).body).toBe('1')
    expect(names()).toEqual(['Single'])
  })

  it('accepts form data= with raw JSON, taking verbose and ip from the form', async () => {
    const res = await http(emu.url, '/track', { form: { data: JSON.stringify([event('Form')]), verbose: '1', ip: '0' } })
    expect(res.body).toBe('{"error":null,"status":1}')
    expect(names()).toEqual(['Form'])
    expect(emu.requests()[0]).toMatchObject({ encoding: 'form', query: { verbose: '1', ip: '0' } })
  })

  it('accepts form data= with base64, including an unescaped +', async () => {
    const { base64 } = base64WithPlus()
    expect(base64).toContain('+')
    const res = await http(emu.url, '/track?verbose=1', {
      body: `data=${base64}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(res.body).toBe('{"error":null,"status":1}')
    expect(names()).toEqual(['Plus'])
    expect(emu.requests()[0]?.encoding).toBe('form-base64')
  })

  it('accepts GET ?data=<base64>', async () => {
    const data = encodeURIComponent(Buffer.from(JSON.stringify(event('Get'))).toString('base64'))
    const res = await http(emu.url, `/track?data=${data}&verbose=1`)
    expect(res.body).toBe('{"error":null,"status":1}')
    expect(names()).toEqual(['Get'])
    expect(emu.requests()[0]).toMatchObject({ method: 'GET', encoding: 'get', query: { verbose: '1' } })
  })

  it('accepts a gzip body and measures the limit uncompressed', async () => {
    await http(emu.url, '/track', { json: [event('Zipped')], gzip: true })
    expect(names()).toEqual(['Zipped'])
    expect(emu.requests()[0]?.gzip).toBe(true)
    const bomb = [event('Big', { pad: 'x'.repeat(5000) })]
    const res = await http(emu.url, '/track', { json: bomb, gzip: true })
    expect(res.status).toBe(413)
    expect(names()).toEqual(['Zipped'])
  })

  it('accepts a trailing slash', async () => {
    await http(emu.url, '/track/', { json: [event('Slash')] })
    expect(emu.requests()[0]?.path).toBe('/track')
    expect(names()).toEqual(['Slash'])
  })

  it('logs headers with lower-case names and the answer', async () => {
    await http(emu.url, '/track?verbose=1', { json: [event('A')], headers: { 'X-Custom': 'Yes' } })
    expect(emu.requests()[0]).toMatchObject({
      method: 'POST',
      headers: { 'x-custom': 'Yes', 'content-type': 'application/json' },
      status: 200,
      response: '{"error":null,"status":1}',
    })
  })
})

describe('POST /track answers', () => {
  it('answers 1 as text/plain, and 0 for an invalid record', async () => {
    const ok = await http(emu.url, '/track', { json: [event('A')] })
    expect([ok.status, ok.body, ok.headers.get('content-type')]).toEqual([200, '1', 'text/plain; charset=utf-8'])
    const bad = await http(emu.url, '/track', { json: [{ event: 'A', properties: { distinct_id: 'u' } }] })
    expect([bad.status, bad.body]).toEqual([200, '0'])
  })

  it('names the error verbosely, still storing the valid records', async () => {
    const res = await http(emu.url, '/track?verbose=1', {
      json: [event('Good'), { event: 'Bad', properties: { distinct_id: 'u' } }],
    })
    expect([res.status, res.body]).toEqual([200, '{"error":"token, missing or empty","status":0}'])
    expect(res.headers.get('content-type')).toBe('application/json')
    expect(names()).toEqual(['Good'])
  })

  it('refuses a missing event name, a malformed $insert_id, too many properties and deep nesting', async () => {
    const verbose = async (record: unknown) => JSON.parse((await http(emu.url, '/track?verbose=1', { json: [record] })).body)
    expect(await verbose({ properties: { token: 't' } })).toEqual({ error: 'event, missing or empty', status: 0 })
    expect(await verbose(event('A', { $insert_id: 'a_b' }))).toEqual({
      error: "'$insert_id' is invalid: must only contain alphanumeric or hyphen '-' characters",
      status: 0,
    })
    const wide = Object.fromEntries(Array.from({ length: 255 }, (_, i) => [`p${i}`, i]))
    expect((await verbose({ event: 'A', properties: { token: 't', ...wide } })).status).toBe(0)
    expect((await verbose(event('A', { deep: { a: { b: { c: { d: 1 } } } } }))).error).toContain("'properties.deep' is invalid")
    expect((await verbose(event('A', { ok: { a: { b: { c: 1 } } } }))).status).toBe(1)
    expect(names()).toEqual(['A'])
  })

  it('answers body errors in the same style', async () => {
    const res = await http(emu.url, '/track?verbose=1', { body: '{not json', headers: { 'content-type': 'application/json' } })
    expect(res.body).toBe('{"error":"body is not valid JSON","status":0}')
    expect((await http(emu.url, '/track', { method: 'POST', body: '' })).body).toBe('0')
  })

  it('answers 413 with Mixpanel body over the record or byte limit', async () => {
    const tooMany = await http(emu.url, '/track', { json: [event('1'), event('2'), event('3'), event('4')] })
    expect([tooMany.status, tooMany.body]).toEqual([
      413,
      '{"code":413,"error":"request exceeds max limit of 4000 bytes","status":"Request Entity Too Large"}',
    ])
    const tooBig = await http(emu.url, '/track', { json: [event('Big', { pad: 'x'.repeat(5000) })] })
    expect(tooBig.status).toBe(413)
    expect(emu.events()).toEqual([])
  })

  it('supports callback= and img=1', async () => {
    const js = await http(emu.url, '/track?callback=done&verbose=1', { json: [event('A')] })
    expect([js.body, js.headers.get('content-type')]).toEqual(['done({"error":null,"status":1})', 'text/javascript; charset=utf-8'])
    const img = await http(emu.url, '/track?img=1', { json: [event('B')] })
    expect(img.headers.get('content-type')).toBe('image/gif')
  })
})

describe('POST /track storage', () => {
  it('drops events older than 5 days but still answers success', async () => {
    const nowS = NOW / 1000
    const res = await http(emu.url, '/track?verbose=1', {
      json: [event('Old', { time: nowS - 6 * DAY_S }), event('Recent', { time: nowS - 4 * DAY_S }), event('Ms', { time: NOW - 1000 })],
    })
    expect(res.body).toBe('{"error":null,"status":1}')
    expect(names()).toEqual(['Recent', 'Ms'])
  })

  it('deduplicates on event, distinct_id, time and $insert_id; the last write wins', async () => {
    const base = { time: 1_768_478_000, $insert_id: 'abc-1' }
    await http(emu.url, '/track', { json: [event('Buy', { ...base, v: 1 }), event('Buy', { ...base, v: 2 })] })
    await http(emu.url, '/track', { json: [event('Buy', { ...base, v: 3, time: 1_768_478_001 })] })
    await http(emu.url, '/track', { json: [event('Buy', { ...base, v: 4, $insert_id: 'abc-2' })] })
    expect(emu.events().map((e) => e.properties['v'])).toEqual([2, 3, 4])
    expect(emu.stats()).toEqual({ requests: 3, recordsReceived: 4, eventsStored: 3, duplicates: 1 })
  })

  it('does not deduplicate events without $insert_id', async () => {
    await http(emu.url, '/track', { json: [event('A'), event('A')] })
    expect(emu.stats()).toMatchObject({ eventsStored: 2, duplicates: 0 })
  })

  it('drops events carrying $ignore', async () => {
    await http(emu.url, '/track', { json: [event('Skip', { $ignore: true }), event('Keep')] })
    expect(names()).toEqual(['Keep'])
  })
})
