import { either as E } from 'fp-ts'
import { afterEach, describe, expect, it } from 'vitest'
import type { Config, Endpoint, JsonObject, MixpanelError, MixpanelRequest } from '@mp/core'
import { send } from './send.ts'
import { account, API_SECRET, decodeBasic, expectNoSecrets, PROJECT_ID, recordingSleep, SA_SECRET, SA_USER, TOKEN } from './test-fixtures.ts'
import { startTestServer, type Received, type Reply, type TestServer } from './test-server.ts'

let server: TestServer | undefined
afterEach(async () => {
  await server?.stop()
  server = undefined
})

const serve = async (handler: (r: Received, i: number) => Reply) => (server = await startTestServer(handler))
const records = (n: number): JsonObject[] => Array.from({ length: n }, (_, i) => ({ event: 'e', properties: { token: TOKEN, distinct_id: `u${i}`, i } }))
const req = (endpoint: Endpoint, n = 2, auth: 'token' | 'secret' = 'token'): MixpanelRequest => ({ endpoint, auth, records: records(n) })
const base = (url: string, more: Partial<Config> = {}) => {
  const rec = recordingSleep()
  const config: Config = { token: TOKEN, host: url, sleep: rec.sleep, random: () => 0.5, retry: { limit: 3, baseDelayMs: 10, maxDelayMs: 100 }, ...more }
  return { config, sleeps: rec.sleeps }
}
const IMPORTED = (n: number): Reply => ({ status: 200, body: JSON.stringify({ code: 200, num_records_imported: n, status: 'OK' }) })
const countOf = (r: Received): number => (JSON.parse(r.text) as unknown[]).length
const errorOf = (result: E.Either<MixpanelError, unknown>): MixpanelError => {
  if (E.isRight(result)) throw new Error(`expected Left, got ${JSON.stringify(result.right)}`)
  expectNoSecrets(result.left)
  return result.left
}

describe('send: the wire', () => {
  it.each(['/track', '/engage', '/groups'] as const)('POSTs a JSON array to %s with verbose=1&ip=0 and never credentials', async (endpoint) => {
    const s = await serve(() => ({ status: 200, body: '{"error":null,"status":1}' }))
    const { config } = base(s.url, { serviceAccount: account(), apiSecret: API_SECRET })
    const request = req(endpoint, 3)
    expect(await send(config)(request)()).toStrictEqual(E.right({ endpoint, records: 3, attempts: 1 }))
    const got = s.received[0]
    expect(got?.method).toBe('POST')
    expect(got?.path).toBe(endpoint)
    expect(Object.fromEntries(got?.query ?? [])).toStrictEqual({ verbose: '1', ip: '0' })
    expect(got?.headers['content-type']).toBe('application/json')
    expect(got?.headers.authorization).toBeUndefined()
    expect(JSON.parse(got?.text ?? '')).toStrictEqual(request.records)
  })
  it('authenticates /import with the service account plus project_id', async () => {
    const s = await serve(() => IMPORTED(2))
    const { config } = base(s.url, { serviceAccount: account(), apiSecret: API_SECRET })
    expect(await send(config)(req('/import', 2, 'secret'))()).toStrictEqual(E.right({ endpoint: '/import', records: 2, attempts: 1, imported: 2 }))
    expect(decodeBasic(s.received[0]?.headers.authorization)).toStrictEqual([SA_USER, SA_SECRET])
    expect(Object.fromEntries(s.received[0]?.query ?? [])).toStrictEqual({ strict: '1', project_id: PROJECT_ID })
  })
  it('authenticates /import with the API secret and no project_id', async () => {
    const s = await serve(() => IMPORTED(2))
    await send(base(s.url, { apiSecret: API_SECRET }).config)(req('/import', 2, 'secret'))()
    expect(decodeBasic(s.received[0]?.headers.authorization)).toStrictEqual([API_SECRET, ''])
    expect(Object.fromEntries(s.received[0]?.query ?? [])).toStrictEqual({ strict: '1' })
  })
  it('uses the token as Basic user for an auth:token /import when no secret is configured', async () => {
    const s = await serve(() => IMPORTED(1))
    await send(base(s.url).config)(req('/import', 1, 'token'))()
    expect(decodeBasic(s.received[0]?.headers.authorization)).toStrictEqual([TOKEN, ''])
  })
  it('gzips /track, /import and /groups when asked, never /engage', async () => {
    const s = await serve((r) => (r.path === '/import' ? IMPORTED(countOf(r)) : { status: 200, body: '1' }))
    const deliver = send(base(s.url, { gzip: true, apiSecret: API_SECRET }).config)
    for (const endpoint of ['/track', '/import', '/groups', '/engage'] as const) {
      const request = req(endpoint, 2, endpoint === '/import' ? 'secret' : 'token')
      expect(E.isRight(await deliver(request)())).toBe(true)
      const got = s.received.at(-1)
      expect(got?.headers['content-encoding']).toBe(endpoint === '/engage' ? undefined : 'gzip')
      expect(JSON.parse(got?.text ?? '')).toStrictEqual(request.records)
    }
    expect(s.received[0]?.raw[0]).toBe(0x1f)
  })
  it('answers each run of the same task on its own: the receipts do not add up across runs', async () => {
    const s = await serve((r, i) => (i === 0 ? { status: 413 } : IMPORTED(countOf(r))))
    const task = send(base(s.url, { apiSecret: API_SECRET }).config)(req('/import', 2, 'secret'))
    expect(await task()).toStrictEqual(E.right({ endpoint: '/import', records: 2, attempts: 3, imported: 2 }))
    expect(await task()).toStrictEqual(E.right({ endpoint: '/import', records: 2, attempts: 1, imported: 2 }))
  })
  it('is lazy: nothing is sent until the task runs', async () => {
    const s = await serve(() => ({ status: 200, body: '1' }))
    const task = send(base(s.url).config)(req('/track'))
    expect(s.received).toHaveLength(0)
    await task()
    expect(s.received).toHaveLength(1)
  })
})

describe('send: refusals before sending', () => {
  it('makes every call a ConfigError for a bad config, sending nothing', async () => {
    const s = await serve(() => ({ status: 200, body: '1' }))
    const deliver = send({ token: TOKEN, host: 'http://example.com' })
    for (const endpoint of ['/track', '/import'] as const) expect(errorOf(await deliver(req(endpoint))())._tag).toBe('ConfigError')
    expect(errorOf(await send({ token: '' })(req('/track'))())).toMatchObject({ _tag: 'ConfigError', field: 'token' })
    expect(errorOf(await send(null as unknown as Config)(req('/track'))())._tag).toBe('ConfigError')
    expect(s.received).toHaveLength(0)
  })
  it('refuses auth:secret without credentials, naming what to set', async () => {
    const s = await serve(() => IMPORTED(1))
    const error = errorOf(await send(base(s.url).config)(req('/import', 1, 'secret'))())
    expect(error._tag).toBe('ConfigError')
    expect(error.message).toContain('serviceAccount')
    expect(error.message).toContain('apiSecret')
    expect(s.received).toHaveLength(0)
  })
  it('refuses malformed descriptors with a ValidationError and never rejects', async () => {
    const s = await serve(() => ({ status: 200, body: '1' }))
    const deliver = send(base(s.url).config)
    const bad: unknown[] = [null, 42, {}, { endpoint: '/track', auth: 'token', records: [] }, { endpoint: '/nope', auth: 'token', records: [{}] }]
    for (const b of bad) expect(errorOf(await deliver(b as MixpanelRequest)())._tag).toBe('ValidationError')
    const cyclic: Record<string, unknown> = {}
    cyclic['me'] = cyclic
    expect(errorOf(await deliver({ endpoint: '/track', auth: 'token', records: [cyclic as JsonObject] })())._tag).toBe('ValidationError')
    expect(s.received).toHaveLength(0)
  })
})

describe('send: decoding', () => {
  it('reports ApiRejected for plain 0 and verbose status 0, without retrying', async () => {
    for (const body of ['0', '{"error":"token, missing or empty","status":0}']) {
      const s = await serve(() => ({ status: 200, body }))
      expect(errorOf(await send(base(s.url).config)(req('/track'))())._tag).toBe('ApiRejected')
      expect(s.received).toHaveLength(1)
      await s.stop()
      server = undefined
    }
  })
  it('reports DecodeError for a 200 Mixpanel never sends', async () => {
    const s = await serve(() => ({ status: 200, body: '<html>maintenance</html>' }))
    expect(errorOf(await send(base(s.url).config)(req('/track'))())).toMatchObject({ _tag: 'DecodeError', status: 200, body: '<html>maintenance</html>' })
  })
  it.each([400, 401, 403])('never retries %i', async (status) => {
    const s = await serve(() => ({ status, body: '{"error":"no","status":"error"}' }))
    const { config, sleeps } = base(s.url, { apiSecret: API_SECRET })
    expect(errorOf(await send(config)(req('/import', 1, 'secret'))())).toMatchObject({ _tag: 'HttpError', status, attempts: 1 })
    expect(s.received).toHaveLength(1)
    expect(sleeps).toHaveLength(0)
  })
  it('does not follow a redirect, so Authorization cannot travel to another origin', async () => {
    const target = await startTestServer(() => IMPORTED(1))
    try {
      const s = await serve(() => ({ status: 302, headers: { Location: `${target.url}/import` } }))
      const error = errorOf(await send(base(s.url, { apiSecret: API_SECRET }).config)(req('/import', 1, 'secret'))())
      expect(error).toMatchObject({ _tag: 'HttpError', status: 302, attempts: 1 })
      expect(target.received).toHaveLength(0)
    } finally {
      await target.stop()
    }
  })
})

describe('send: retries', () => {
  it('retries 5xx and succeeds, counting attempts', async () => {
    const s = await serve((_, i) => (i < 2 ? { status: 503, body: 'busy' } : { status: 200, body: '1' }))
    const { config, sleeps } = base(s.url)
    expect(await send(config)(req('/track'))()).toStrictEqual(E.right({ endpoint: '/track', records: 2, attempts: 3 }))
    expect(s.received).toHaveLength(3)
    expect(sleeps).toHaveLength(2)
  })
  it('gives up after limit retries with an HttpError for 5xx', async () => {
    const s = await serve(() => ({ status: 502, body: 'Bad Gateway' }))
    const { config, sleeps } = base(s.url)
    expect(errorOf(await send(config)(req('/track'))())).toMatchObject({ _tag: 'HttpError', status: 502, attempts: 4, body: 'Bad Gateway' })
    expect(s.received).toHaveLength(4)
    expect(sleeps).toHaveLength(3)
  })
  it('makes exactly one attempt with retry.limit 0', async () => {
    const s = await serve(() => ({ status: 500 }))
    expect(errorOf(await send(base(s.url, { retry: { limit: 0 } }).config)(req('/track'))())).toMatchObject({ _tag: 'HttpError', attempts: 1 })
    expect(s.received).toHaveLength(1)
  })
  it('reports RateLimited after 429s, honouring Retry-After in seconds', async () => {
    const s = await serve(() => ({ status: 429, body: '{"code":429}', headers: { 'Retry-After': '2' } }))
    const { config, sleeps } = base(s.url, { apiSecret: API_SECRET })
    expect(errorOf(await send(config)(req('/import', 1, 'secret'))())).toMatchObject({ _tag: 'RateLimited', attempts: 4, retryAfterMs: 2000 })
    expect(s.received).toHaveLength(4)
    expect(sleeps).toStrictEqual([2000, 2000, 2000])
  })
  it('honours Retry-After as an HTTP date, and backs off with jitter without one', async () => {
    const when = new Date(Date.now() + 60_000).toUTCString()
    const s = await serve((_, i) => (i === 0 ? { status: 429, headers: { 'Retry-After': when } } : i === 1 ? { status: 429 } : { status: 200, body: '1' }))
    const { config, sleeps } = base(s.url, { random: () => 1, retry: { limit: 3, baseDelayMs: 10, maxDelayMs: 100 } })
    expect(await send(config)(req('/track'))()).toMatchObject(E.right({ attempts: 3 }))
    expect(sleeps[0]).toBeGreaterThan(50_000)
    expect(sleeps[1]).toBe(20)
  })
  it('retries a timeout, then reports TimeoutError', async () => {
    const s = await serve(() => ({ kind: 'hang' }))
    const { config } = base(s.url, { timeoutMs: 80, retry: { limit: 1, baseDelayMs: 0, maxDelayMs: 0 } })
    expect(errorOf(await send(config)(req('/track'))())).toMatchObject({ _tag: 'TimeoutError', attempts: 2, timeoutMs: 80 })
    expect(s.received).toHaveLength(2)
  })
  it('times out a body that stalls after the headers', async () => {
    const s = await serve(() => ({ kind: 'stall', status: 200 }))
    const { config } = base(s.url, { timeoutMs: 100, retry: { limit: 0 }, apiSecret: API_SECRET })
    expect(errorOf(await send(config)(req('/import', 1, 'secret'))())).toMatchObject({ _tag: 'TimeoutError', attempts: 1 })
  })
  it('retries a reset connection and reports NetworkError', async () => {
    const s = await serve((_, i) => (i < 1 ? { kind: 'reset' } : { status: 200, body: '1' }))
    expect(await send(base(s.url).config)(req('/track'))()).toMatchObject(E.right({ attempts: 2 }))
    await s.stop()
    server = undefined
    const error = errorOf(await send(base(s.url, { retry: { limit: 1, baseDelayMs: 0, maxDelayMs: 0 } }).config)(req('/track'))())
    expect(error).toMatchObject({ _tag: 'NetworkError', attempts: 2 })
  })
})

describe('send: 413 split', () => {
  // Answers 413 to any request over `max` records; rejects records whose distinct_id is in `bad`.
  const splitter = (max: number, bad: string[] = []) => (r: Received): Reply => {
    const sent = JSON.parse(r.text) as Array<{ properties: { distinct_id: string } }>
    if (sent.length > max) return { status: 413, body: '{"code":413,"error":"request exceeds max limit","status":"Request Entity Too Large"}' }
    const failed = sent.flatMap((rec, index) => (bad.includes(rec.properties.distinct_id) ? [{ index, insert_id: `id-${rec.properties.distinct_id}`, field: 'properties.time', message: 'bad time' }] : []))
    if (r.path !== '/import') return { status: 200, body: '1' }
    return failed.length === 0
      ? IMPORTED(sent.length)
      : { status: 400, body: JSON.stringify({ code: 400, status: 'Bad Request', num_records_imported: sent.length - failed.length, failed_records: failed }) }
  }

  it('halves until parts fit and merges the receipts', async () => {
    const s = await serve(splitter(2))
    const { config } = base(s.url, { apiSecret: API_SECRET })
    const result = await send(config)(req('/import', 7, 'secret'))()
    // 7 → 4 + 3 → (2 + 2) + (2 + 1): 3 refusals and 4 deliveries.
    expect(result).toStrictEqual(E.right({ endpoint: '/import', records: 7, attempts: 7, imported: 7 }))
    const delivered = s.received.filter((r) => countOf(r) <= 2).flatMap((r) => JSON.parse(r.text) as JsonObject[])
    expect(delivered).toStrictEqual(records(7))
  })
  it('maps RecordsRejected indices back to the original positions and still sends every part', async () => {
    const s = await serve(splitter(2, ['u1', 'u4', 'u6']))
    const error = errorOf(await send(base(s.url, { apiSecret: API_SECRET }).config)(req('/import', 7, 'secret'))())
    expect(error).toMatchObject({
      _tag: 'RecordsRejected',
      imported: 4,
      failed: [
        { index: 1, insertId: 'id-u1' },
        { index: 4, insertId: 'id-u4' },
        { index: 6, insertId: 'id-u6' },
      ],
    })
  })
  it('reports PayloadTooLarge for a single record that is still too large', async () => {
    const s = await serve(splitter(0))
    expect(errorOf(await send(base(s.url).config)(req('/track', 1))())).toMatchObject({ _tag: 'PayloadTooLarge', endpoint: '/track' })
    await s.stop()
    server = undefined
    const t = await serve(splitter(0))
    expect(errorOf(await send(base(t.url).config)(req('/track', 3))())._tag).toBe('PayloadTooLarge')
    // The first half fails alone, so the second is never sent: 3 → [2 → 1], stop.
    expect(t.received.map(countOf)).toStrictEqual([3, 2, 1])
  })
})

describe('send: secrets', () => {
  it('never puts a secret into any error, even when the server echoes it', async () => {
    // The server echoes the header, its decoded form and the raw secret, in text and JSON shapes.
    const echo = (r: Received) => {
      const decoded = decodeBasic(r.headers.authorization)?.join(':') ?? ''
      return `you sent ${r.headers.authorization} = ${decoded} ${JSON.stringify({ error: decoded })} ${'x'.repeat(400)}`
    }
    const statuses = [200, 400, 401, 403, 404, 429, 500, 302]
    for (const credentials of [{ serviceAccount: account() }, { apiSecret: API_SECRET }]) {
      for (const status of statuses) {
        const s = await serve((r) => ({ status, body: status === 400 ? JSON.stringify({ failed_records: [{ index: 0, field: 'f', message: echo(r) }] }) : echo(r) }))
        const result = await send(base(s.url, { retry: { limit: 1, baseDelayMs: 0, maxDelayMs: 0 }, ...credentials }).config)(req('/import', 1, 'secret'))()
        const error = errorOf(result)
        expect(JSON.stringify(error).length).toBeLessThan(1000)
        await s.stop()
        server = undefined
      }
    }
    const s = await serve(() => ({ status: 200, body: JSON.stringify({ status: 0, error: `bad ${API_SECRET}` }) }))
    errorOf(await send(base(s.url, { apiSecret: API_SECRET }).config)(req('/track'))())
  })
})
