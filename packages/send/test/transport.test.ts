// Transport guarantees: plain http only to loopback (or on explicit opt-in), and a deadline on
// every attempt so a hung or stalling server can never hold a caller. No wall-clock assertions:
// bounds are shown by counting attempts and the sleeps the retry loop asked for.
import { either as E } from 'fp-ts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { normalizeConfig, type Config, type MixpanelRequest } from '@mp/core'
import { fetchFlags, send } from '@mp/send'
import { importEvents, track } from '@mp/events'
import { createQueue } from '@mp/queue'
import { startTestServer, type TestServer } from '../src/test-server.ts'

const TOKEN = 'transport-token'
const record = { event: 'e', properties: { token: TOKEN, distinct_id: 'u1', time: Date.now() / 1000, $insert_id: 'abc123' } }
const trackRequest: MixpanelRequest = { endpoint: '/track', auth: 'token', records: [record] }

/** A fetch that records every URL it is asked for and answers Mixpanel's verbose success. */
const recordingFetch = (): { readonly fetch: typeof fetch; readonly urls: string[] } => {
  const urls: string[] = []
  const fake = (async (input: RequestInfo | URL) => {
    urls.push(input instanceof Request ? input.url : String(input))
    return new Response('{"error":null,"status":1}', { status: 200, headers: { 'content-type': 'application/json' } })
  }) as typeof fetch
  return { fetch: fake, urls }
}

describe('plain http', () => {
  it.each([
    'http://api.mixpanel.com',
    'http://api-eu.mixpanel.com:80',
    'http://10.0.0.5:4000',
    'http://192.168.1.10',
    'http://0.0.0.0:4000',
    'http://127.0.0.1.nip.io',
    'http://localhost.example.com',
    'http://[::ffff:7f00:1]',
    'HTTP://API.MIXPANEL.COM',
  ])('to %s is a ConfigError and nothing is sent, by any entry point', async (host) => {
    const { fetch, urls } = recordingFetch()
    const config: Config = { token: TOKEN, host, fetch, apiSecret: 's' }
    const results = [
      normalizeConfig(config),
      await send(config)(trackRequest)(),
      await fetchFlags(config)({ path: '/flags/definitions', query: {} })(),
      await track(config)({ distinctId: 'u1', event: 'e' })(),
      await importEvents(config)([{ event: 'e', properties: { distinct_id: 'u1', time: Math.floor(Date.now() / 1000) } }])(),
      createQueue(config).enqueue(trackRequest),
    ]
    for (const result of results) {
      expect(E.isLeft(result) ? [result.left._tag, 'field' in result.left ? result.left.field : ''] : 'Right').toStrictEqual(['ConfigError', 'host'])
    }
    expect(urls).toStrictEqual([])
  })

  it.each(['http://127.0.0.1:4000', 'http://127.8.9.10:4000', 'http://localhost:4000', 'http://[::1]:4000'])('to loopback %s is allowed', async (host) => {
    const { fetch, urls } = recordingFetch()
    expect(E.isRight(await send({ token: TOKEN, host, fetch })(trackRequest)())).toBe(true)
    expect(urls).toHaveLength(1)
    expect(urls[0]?.startsWith(`${host}/track?`)).toBe(true)
  })

  it('to any host only with allowInsecureHttp: true', async () => {
    const { fetch, urls } = recordingFetch()
    const host = 'http://mixpanel-proxy.internal:8080'
    expect(E.isRight(await send({ token: TOKEN, host, fetch, allowInsecureHttp: true })(trackRequest)())).toBe(true)
    expect((await send({ token: TOKEN, host, fetch, allowInsecureHttp: 'yes' as never })(trackRequest)())._tag).toBe('Left')
    expect(urls).toHaveLength(1)
    expect(urls[0]?.startsWith('http://mixpanel-proxy.internal:8080/track?')).toBe(true)
  })

  it('a bare host name or region means https', async () => {
    const { fetch, urls } = recordingFetch()
    await send({ token: TOKEN, host: 'api-eu.mixpanel.com', fetch })(trackRequest)()
    await send({ token: TOKEN, region: 'in', fetch })(trackRequest)()
    await send({ token: TOKEN, fetch })(trackRequest)()
    expect(urls.map((u) => new URL(u).origin)).toStrictEqual(['https://api-eu.mixpanel.com', 'https://api-in.mixpanel.com', 'https://api.mixpanel.com'])
  })

  it.each(['ftp://api.mixpanel.com', 'file:///etc/passwd', 'ws://127.0.0.1:1', 'javascript:alert(1)'])('%s is refused', async (host) => {
    const { fetch, urls } = recordingFetch()
    expect((await send({ token: TOKEN, host, fetch })(trackRequest)())._tag).toBe('Left')
    expect(urls).toStrictEqual([])
  })
})

describe('timeouts bound every attempt', () => {
  let hung: TestServer
  let stalling: TestServer
  beforeAll(async () => {
    hung = await startTestServer(() => ({ kind: 'hang' }))
    stalling = await startTestServer(() => ({ status: 200, body: '', headers: { 'content-length': '1000' } }))
  })
  afterAll(async () => {
    await Promise.all([hung.stop(), stalling.stop()])
  })

  it.each([0, -1, Number.NaN, Infinity, -Infinity, '100', {}])('timeoutMs %s is a ConfigError: no config can switch the deadline off', (timeoutMs) => {
    const resolved = normalizeConfig({ token: TOKEN, timeoutMs: timeoutMs as never })
    expect(E.isLeft(resolved) ? resolved.left.message : 'Right').toMatch(/timeoutMs/)
  })

  it('a server that never answers costs exactly limit + 1 attempts, each cut at timeoutMs', async () => {
    const sleeps: number[] = []
    const before = hung.received.length
    const config: Config = { token: TOKEN, host: hung.url, timeoutMs: 40, retry: { limit: 3, baseDelayMs: 5, maxDelayMs: 20 }, sleep: async (ms) => void sleeps.push(ms) }
    const result = await send(config)(trackRequest)()
    expect(E.isLeft(result) ? result.left : 'Right').toMatchObject({ _tag: 'TimeoutError', timeoutMs: 40, attempts: 4 })
    // Under heavy load an attempt can time out before its request even reaches the server.
    expect(hung.received.length - before).toBeGreaterThan(0)
    expect(hung.received.length - before).toBeLessThanOrEqual(4)
    expect(sleeps).toHaveLength(3)
    for (const ms of sleeps) expect(ms).toBeLessThanOrEqual(20)
  })

  it('a server that sends headers and then stalls the body is a timeout too', async () => {
    const result = await send({ token: TOKEN, host: stalling.url, timeoutMs: 40, retry: { limit: 1, baseDelayMs: 0, maxDelayMs: 0 }, sleep: async () => {} })(trackRequest)()
    expect(E.isLeft(result) ? result.left : 'Right').toMatchObject({ _tag: 'TimeoutError', attempts: 2 })
  })

  it('flag fetches are bounded the same way', async () => {
    const result = await fetchFlags({ token: TOKEN, host: hung.url, timeoutMs: 40, retry: { limit: 1, baseDelayMs: 0, maxDelayMs: 0 }, sleep: async () => {} })({
      path: '/flags/definitions',
      query: {},
    })()
    expect(E.isLeft(result) ? result.left : 'Right').toMatchObject({ _tag: 'TimeoutError', attempts: 2 })
  })
})

describe('a hung server cannot hold queue.flush() past its deadline', () => {
  it('every batch stops after limit + 1 timed-out attempts; the records stay held; the waits are bounded', async () => {
    const hung = await startTestServer(() => ({ kind: 'hang' }))
    try {
      const sleeps: number[] = []
      const limit = 2
      const timeoutMs = 60
      const maxDelayMs = 25
      const config: Config = { token: TOKEN, host: hung.url, timeoutMs, retry: { limit, baseDelayMs: 5, maxDelayMs }, sleep: async (ms) => void sleeps.push(ms) }
      const queue = createQueue(config, { batchSize: 2, concurrency: 2 })
      for (let i = 0; i < 5; i++) expect(E.isRight(queue.enqueue({ ...trackRequest, records: [{ ...record, properties: { ...record.properties, $insert_id: `id${i}` } }] }))).toBe(true)

      const flushed = await queue.flush()()
      expect(E.isRight(flushed)).toBe(true)
      if (E.isLeft(flushed)) return
      const batches = 3
      expect(flushed.right.delivered).toBe(0)
      expect(flushed.right.remaining).toBe(5)
      expect(flushed.right.failures.map((f) => [f.error._tag, f.kept])).toStrictEqual(Array.from({ length: batches }, () => ['TimeoutError', true]))
      // The deadline, by count: (limit + 1) attempts of at most timeoutMs per batch, limit sleeps
      // of at most maxDelayMs between them, batches spread over `concurrency` lanes.
      expect(flushed.right.attempts).toBe(batches * (limit + 1))
      expect(hung.received.length).toBeGreaterThan(0)
      expect(hung.received.length).toBeLessThanOrEqual(batches * (limit + 1))
      expect(sleeps).toHaveLength(batches * limit)
      expect(Math.max(...sleeps)).toBeLessThanOrEqual(maxDelayMs)
      expect(queue.size).toBe(5)
    } finally {
      await hung.stop()
    }
  })

  it('a Retry-After beyond the ceiling ends the retries instead of parking the flush', async () => {
    const limited = await startTestServer(() => ({ status: 429, headers: { 'retry-after': '86400' }, body: '{"error":"rate limited","status":0}' }))
    try {
      const sleeps: number[] = []
      const queue = createQueue({ token: TOKEN, host: limited.url, retry: { limit: 4 }, sleep: async (ms) => void sleeps.push(ms) })
      queue.enqueue(trackRequest)
      const flushed = await queue.flush()()
      expect(E.isRight(flushed) ? flushed.right.failures.map((f) => [f.error._tag, f.kept]) : 'Left').toStrictEqual([['RateLimited', true]])
      expect(sleeps).toStrictEqual([])
      expect(limited.received).toHaveLength(1)
    } finally {
      await limited.stop()
    }
  })

  it('a Retry-After within the ceiling is honoured, never cut short by backoff', async () => {
    const limited = await startTestServer((_r, i) => (i === 0 ? { status: 429, headers: { 'retry-after': '7' } } : { status: 200, body: '{"error":null,"status":1}' }))
    try {
      const sleeps: number[] = []
      const result = await send({ token: TOKEN, host: limited.url, retry: { limit: 2, baseDelayMs: 1, maxDelayMs: 2 }, sleep: async (ms) => void sleeps.push(ms) })(trackRequest)()
      expect(E.isRight(result) ? result.right.attempts : result.left).toBe(2)
      expect(sleeps).toStrictEqual([7000])
    } finally {
      await limited.stop()
    }
  })
})
