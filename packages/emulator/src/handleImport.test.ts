import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator } from './startEmulator.ts'
import { http } from './test-http.ts'
import type { Emulator } from './types.ts'

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0)
const NOW_S = NOW / 1000
const basic = (user: string, pass = '') => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`
const SECRET = { authorization: basic('api-secret') }

const record = (name: string, extra: Record<string, unknown> = {}) => ({
  event: name,
  properties: { time: NOW_S - 60, distinct_id: 'u1', $insert_id: `id-${name}`, token: 'tok', ...extra },
})

let open: Emulator
let locked: Emulator
beforeAll(async () => {
  open = await startEmulator({ port: 0, now: () => NOW, limits: { maxRecords: 5, maxBytes: 5000 } })
  locked = await startEmulator({
    port: 0,
    now: () => NOW,
    credentials: {
      token: 'tok',
      apiSecret: 'api-secret',
      serviceAccount: { username: 'sa.user', secret: 'sa-secret', projectId: '123' },
    },
  })
})
afterAll(async () => {
  await open.stop()
  await locked.stop()
})
beforeEach(() => {
  open.reset()
  locked.reset()
})

const strict = (emu: Emulator, records: unknown, headers: Record<string, string> = SECRET) =>
  http(emu.url, '/import?strict=1', { json: records, headers })

const UNAUTHORIZED = '{"code":401,"error":"Invalid credentials","status":"Unauthorized"}'

describe('POST /import authentication', () => {
  it('answers 401 without credentials, and with an empty Basic user', async () => {
    const none = await strict(open, [record('A')], {})
    expect([none.status, none.body]).toEqual([401, UNAUTHORIZED])
    expect((await strict(open, [record('A')], { authorization: basic('') })).status).toBe(401)
    expect((await strict(open, [record('A')], { authorization: 'Bearer x' })).status).toBe(401)
    expect(open.events()).toEqual([])
  })

  it('accepts any non-empty Basic credential when none is configured', async () => {
    expect((await strict(open, [record('A')], { authorization: basic('whatever') })).status).toBe(200)
  })

  it('checks configured credentials: service account with project_id, API secret, token', async () => {
    const sa = { authorization: basic('sa.user', 'sa-secret') }
    const send = (path: string, headers: Record<string, string>) =>
      http(locked.url, path, { json: [record('A')], headers }).then((r) => r.status)
    expect(await send('/import?strict=1&project_id=123', sa)).toBe(200)
    expect(await send('/import?strict=1&project_id=999', sa)).toBe(401)
    expect(await send('/import?strict=1', sa)).toBe(401)
    expect(await send('/import?strict=1&project_id=123', { authorization: 'Basic sa.user:sa-secret' })).toBe(200)
    expect(await send('/import?strict=1', { authorization: basic('api-secret') })).toBe(200)
    expect(await send('/import?strict=1', { authorization: basic('tok') })).toBe(200)
    expect(await send('/import?strict=1', { authorization: basic('wrong') })).toBe(401)
    expect(await send('/import?strict=1', { authorization: basic('api-secret', 'x') })).toBe(401)
  })
})

describe('POST /import strict answers', () => {
  it('answers 200 with the number imported', async () => {
    const res = await strict(open, [record('A'), record('B')])
    expect([res.status, res.body]).toEqual([200, '{"code":200,"num_records_imported":2,"status":"OK"}'])
    expect(res.headers.get('content-type')).toBe('application/json')
    expect(open.events().map((e) => [e.endpoint, e.event])).toEqual([
      ['/import', 'A'],
      ['/import', 'B'],
    ])
  })

  it('answers 400 with failed_records and still imports the valid records', async () => {
    const res = await strict(open, [record('Good'), record('Future', { time: 4_102_444_800 }), record('Bad', { $insert_id: 'a_b' })])
    expect(res.status).toBe(400)
    expect(res.body).toBe(
      JSON.stringify({
        code: 400,
        error: 'some data points in the request failed validation',
        status: 'Bad Request',
        num_records_imported: 1,
        failed_records: [
          { index: 1, insert_id: 'id-Future', field: 'properties.time', message: "'properties.time' is invalid: must not be in the future" },
          { index: 2, insert_id: 'a_b', field: '$insert_id', message: "'$insert_id' is invalid: must only contain alphanumeric or hyphen '-' characters" },
        ],
      }),
    )
    expect(open.events().map((e) => e.event)).toEqual(['Good'])
  })

  const failureOf = async (rec: unknown) => {
    const body = JSON.parse((await strict(open, [rec])).body) as { failed_records?: Array<{ field: string; message: string }> }
    const failed = body.failed_records?.[0]
    return failed === undefined ? undefined : { field: failed.field, message: failed.message }
  }

  it('checks time: present, after 1971, at most an hour ahead; seconds or milliseconds', async () => {
    const props = record('T').properties
    const { time: _time, ...noTime } = props
    expect(await failureOf({ event: 'T', properties: noTime })).toEqual({
      field: 'properties.time',
      message: "'properties.time' is invalid: must be specified as seconds since epoch",
    })
    expect(await failureOf(record('T', { time: 'yesterday' }))).toMatchObject({ field: 'properties.time' })
    expect(await failureOf(record('T', { time: 1000 }))).toEqual({
      field: 'properties.time',
      message: "'properties.time' is invalid: must be after 1971-01-01",
    })
    expect(await failureOf(record('T', { time: NOW_S + 2 * 3600 }))).toMatchObject({
      message: "'properties.time' is invalid: must not be in the future",
    })
    expect(await failureOf(record('T', { time: NOW_S + 1800 }))).toBeUndefined()
    expect(await failureOf(record('T2', { time: NOW - 5000 }))).toBeUndefined()
  })

  it('checks distinct_id: present and not a placeholder (any case); empty string allowed', async () => {
    const { distinct_id: _id, ...noId } = record('D').properties
    expect(await failureOf({ event: 'D', properties: noId })).toEqual({
      field: 'properties.distinct_id',
      message: "'properties.distinct_id' is invalid: must not be missing",
    })
    for (const id of ['NULL', 'Anonymous', 'undefined', '0', '-1', '00000000-0000-0000-0000-000000000000']) {
      expect(await failureOf(record('D', { distinct_id: id }))).toMatchObject({ field: 'properties.distinct_id' })
    }
    expect(await failureOf(record('D', { distinct_id: '' }))).toBeUndefined()
  })

  it('checks $insert_id: present, at most 36 characters of [A-Za-z0-9-], not a placeholder', async () => {
    const { $insert_id: _i, ...noInsert } = record('I').properties
    expect(await failureOf({ event: 'I', properties: noInsert })).toEqual({
      field: '$insert_id',
      message: "'$insert_id' is invalid: must be specified",
    })
    expect(await failureOf(record('I', { $insert_id: 'x'.repeat(37) }))).toMatchObject({ field: '$insert_id' })
    expect(await failureOf(record('I', { $insert_id: 'x'.repeat(36) }))).toBeUndefined()
    expect(await failureOf(record('I', { $insert_id: 'None' }))).toMatchObject({ field: '$insert_id' })
    expect(await failureOf(record('I', { $insert_id: 'has space' }))).toMatchObject({
      message: "'$insert_id' is invalid: must only contain alphanumeric or hyphen '-' characters",
    })
  })

  it('checks the event name, fewer than 255 properties and nesting depth', async () => {
    expect(await failureOf({ properties: record('x').properties })).toMatchObject({ field: 'event' })
    expect(await failureOf({ event: 'P' })).toMatchObject({ field: 'properties' })
    const wide = Object.fromEntries(Array.from({ length: 251 }, (_, i) => [`p${i}`, i]))
    expect(await failureOf(record('W', wide))).toMatchObject({ field: 'properties' })
    expect(await failureOf(record('N', { list: [[[[1]]]] }))).toMatchObject({ field: 'properties.list' })
  })

  it('answers 400 without failed_records when the body is not JSON', async () => {
    const res = await http(open.url, '/import?strict=1', {
      body: '[{"event":',
      headers: { ...SECRET, 'content-type': 'application/json' },
    })
    expect([res.status, res.body]).toEqual([400, '{"code":400,"error":"body is not valid JSON","status":"Bad Request"}'])
  })

  it('answers 413 over 2000 records (configurable) or the uncompressed byte limit', async () => {
    const many = Array.from({ length: 6 }, (_, i) => record(`E${i}`))
    const res = await strict(open, many)
    expect([res.status, res.body]).toEqual([
      413,
      '{"code":413,"error":"request exceeds max limit of 5000 bytes","status":"Request Entity Too Large"}',
    ])
    expect((await strict(open, [record('Big', { pad: 'x'.repeat(6000) })])).status).toBe(413)
    expect(open.events()).toEqual([])
  })
})

describe('POST /import encodings and non-strict answers', () => {
  it('accepts NDJSON and gzip', async () => {
    const ndjson = [record('A'), record('B')].map((r) => JSON.stringify(r)).join('\n') + '\n'
    const res = await http(open.url, '/import?strict=1', {
      body: ndjson,
      gzip: true,
      headers: { ...SECRET, 'content-type': 'application/x-ndjson' },
    })
    expect(res.body).toBe('{"code":200,"num_records_imported":2,"status":"OK"}')
    expect(open.requests()[0]).toMatchObject({ encoding: 'ndjson', gzip: true })
  })

  it('answers in the /track style without strict=1 (mixpanel-python form with verbose=1)', async () => {
    const form = { data: JSON.stringify([record('A')]), verbose: '1' }
    const ok = await http(open.url, '/import', { form, headers: SECRET })
    expect(ok.body).toBe('{"error":null,"status":1}')
    const bad = await http(open.url, '/import', { json: [record('B', { time: 1000 })], headers: SECRET })
    expect(bad.body).toBe('0')
  })
})
