import { createServer } from 'node:net'
import { either as E } from 'fp-ts'
import { afterEach, describe, expect, it } from 'vitest'
import type { Config } from '@mp/core'
import { exchange, RETRY_AFTER_CEILING_MS, type Exchange } from './exchange.ts'
import { recordingSleep, resolved } from './test-fixtures.ts'
import { startTestServer, type Received, type Reply, type TestServer } from './test-server.ts'

let server: TestServer | undefined
afterEach(async () => {
  await server?.stop()
  server = undefined
})

const serve = async (handler: (r: Received, i: number) => Reply) => (server = await startTestServer(handler))
const post = (url: string, more: Partial<Exchange> = {}): Exchange => ({
  method: 'post',
  url,
  headers: { 'Content-Type': 'application/json' },
  body: '[]',
  endpoint: '/track',
  secrets: [],
  ...more,
})
// Waits are recorded, never slept; `random` 0 makes every backoff the base delay.
const setup = (more: Partial<Config> = {}) => {
  const { sleep, sleeps } = recordingSleep()
  return { config: resolved({ sleep, random: () => 0, retry: { limit: 3, baseDelayMs: 10, maxDelayMs: 100 }, ...more }), sleeps }
}

// A port nothing listens on: bind, read the port, close.
const freePort = async (): Promise<number> => {
  const s = createServer()
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))
  const port = (s.address() as { port: number }).port
  await new Promise<void>((resolve) => s.close(() => resolve()))
  return port
}

describe('exchange: one answer', () => {
  it('answers the status, the whole body and Retry-After in ms for a status it does not retry', async () => {
    const s = await serve(() => ({ status: 400, body: 'no', headers: { 'Retry-After': '4' } }))
    const { config, sleeps } = setup()
    expect(await exchange(config, post(`${s.url}/track`))).toStrictEqual(E.right({ status: 400, body: 'no', retryAfterMs: 4000, attempts: 1 }))
    expect(s.received.map((r) => [r.method, r.text])).toStrictEqual([['POST', '[]']])
    expect(sleeps).toStrictEqual([])
  })
  it.each([400, 401, 403, 404, 413, 302, 307])('never retries %i, and never follows a redirect', async (status) => {
    const s = await serve(() => ({ status, headers: { Location: 'http://127.0.0.1:1/elsewhere' } }))
    const { config } = setup()
    expect(await exchange(config, post(`${s.url}/import`))).toMatchObject(E.right({ status, attempts: 1 }))
    expect(s.received).toHaveLength(1)
  })
  it('uses an injected fetch', async () => {
    const seen: string[] = []
    const fake = (async (input: Request) => (seen.push(input.method), new Response('1', { status: 200 }))) as unknown as typeof fetch
    expect(await exchange(setup({ fetch: fake }).config, post('https://example.invalid/track'))).toStrictEqual(
      E.right({ status: 200, body: '1', retryAfterMs: undefined, attempts: 1 }),
    )
    expect(seen).toStrictEqual(['POST'])
  })
})

describe('exchange: what ky retries', () => {
  it('retries 408, 429 and 5xx, then answers the success with every attempt counted', async () => {
    const statuses = [408, 429, 500, 503, 599]
    const s = await serve((_, i) => (i < statuses.length ? { status: statuses[i] ?? 500 } : { status: 200, body: '1' }))
    const { config, sleeps } = setup({ retry: { limit: 5, baseDelayMs: 10, maxDelayMs: 100 } })
    expect(await exchange(config, post(`${s.url}/track`))).toStrictEqual(E.right({ status: 200, body: '1', retryAfterMs: undefined, attempts: 6 }))
    expect(s.received).toHaveLength(6)
    expect(sleeps).toStrictEqual([10, 10, 10, 10, 10])
  })
  it('answers the last 5xx after limit + 1 attempts', async () => {
    const s = await serve(() => ({ status: 502, body: 'Bad Gateway' }))
    const { config, sleeps } = setup()
    expect(await exchange(config, post(`${s.url}/track`))).toStrictEqual(E.right({ status: 502, body: 'Bad Gateway', retryAfterMs: undefined, attempts: 4 }))
    expect(sleeps).toHaveLength(3)
  })
  it('makes exactly one attempt with limit 0', async () => {
    const s = await serve(() => ({ status: 500 }))
    expect(await exchange(setup({ retry: { limit: 0 } }).config, post(`${s.url}/track`))).toMatchObject(E.right({ status: 500, attempts: 1 }))
    expect(s.received).toHaveLength(1)
  })
  it('retries GET too (flag reads)', async () => {
    const s = await serve((_, i) => (i === 0 ? { status: 503 } : { status: 200, body: '{}' }))
    const { body: _none, ...get } = post(`${s.url}/flags`, { method: 'get' })
    expect(await exchange(setup().config, get)).toMatchObject(E.right({ status: 200, attempts: 2 }))
    expect(s.received.map((r) => r.method)).toStrictEqual(['GET', 'GET'])
  })
  it('retries a refused connection, then answers NetworkError', async () => {
    const port = await freePort()
    const result = await exchange(setup({ retry: { limit: 1, baseDelayMs: 0, maxDelayMs: 0 } }).config, post(`http://127.0.0.1:${port}/track`))
    expect(E.isLeft(result) ? result.left : result).toMatchObject({ _tag: 'NetworkError', endpoint: '/track', attempts: 2 })
  })
  it('retries a reset connection', async () => {
    const s = await serve((_, i) => (i === 0 ? { kind: 'reset' } : { status: 200, body: '1' }))
    expect(await exchange(setup().config, post(`${s.url}/track`))).toMatchObject(E.right({ status: 200, attempts: 2 }))
  })
  it('answers NetworkError with secrets scrubbed when an injected fetch throws', async () => {
    const throwing = (() => {
      throw new Error('boom s3cret')
    }) as unknown as typeof fetch
    const result = await exchange(setup({ fetch: throwing, retry: { limit: 2 } }).config, post('https://example.invalid/track', { secrets: ['s3cret'] }))
    expect(result).toStrictEqual(E.left({ _tag: 'NetworkError', endpoint: '/track', attempts: 3, message: 'Could not reach Mixpanel for /track after 3 attempts: boom ***' }))
  })
})

describe('exchange: never rejects', () => {
  it('answers NetworkError on a platform without fetch', async () => {
    const saved = globalThis.fetch
    try {
      delete (globalThis as { fetch?: unknown }).fetch
      expect(await exchange(setup({ retry: { limit: 0 } }).config, post('https://example.invalid/track'))).toMatchObject(E.left({ _tag: 'NetworkError', attempts: 1 }))
    } finally {
      globalThis.fetch = saved
    }
  })
})

describe('exchange: the deadline', () => {
  it('times out a server that never answers, every attempt', async () => {
    const s = await serve(() => ({ kind: 'hang' }))
    const result = await exchange(setup({ timeoutMs: 80, retry: { limit: 1, baseDelayMs: 0, maxDelayMs: 0 } }).config, post(`${s.url}/track`))
    expect(result).toStrictEqual(E.left({ _tag: 'TimeoutError', endpoint: '/track', timeoutMs: 80, attempts: 2, message: 'Mixpanel did not answer /track within 80 ms (2 attempts)' }))
  })
  it('times out a body that stalls after the headers', async () => {
    const s = await serve(() => ({ kind: 'stall', status: 200 }))
    expect(await exchange(setup({ timeoutMs: 150, retry: { limit: 0 } }).config, post(`${s.url}/import`))).toMatchObject(E.left({ _tag: 'TimeoutError', attempts: 1 }))
  })
  it('times out an injected fetch that ignores the abort signal', async () => {
    const never = (() => new Promise<Response>(() => undefined)) as unknown as typeof fetch
    expect(await exchange(setup({ fetch: never, timeoutMs: 50, retry: { limit: 0 } }).config, post('https://example.invalid/track'))).toMatchObject(
      E.left({ _tag: 'TimeoutError', attempts: 1 }),
    )
  })
})

describe('exchange: the waits between tries', () => {
  const always = (reply: Reply) => serve(() => reply)

  it('backs off exponentially with full jitter between baseDelayMs and base · 2^n, capped at maxDelayMs', async () => {
    const s = await always({ status: 503 })
    const top = setup({ random: () => 0.999999, retry: { limit: 4, baseDelayMs: 100, maxDelayMs: 500 } })
    await exchange(top.config, post(`${s.url}/track`))
    expect(top.sleeps.map(Math.round)).toStrictEqual([100, 200, 400, 500])
    const middle = setup({ random: () => 0.5, retry: { limit: 3, baseDelayMs: 500, maxDelayMs: 30_000 } })
    await exchange(middle.config, post(`${s.url}/track`))
    expect(middle.sleeps).toStrictEqual([500, 750, 1250])
  })
  it('clamps a broken source of randomness into range, so it can neither stall nor hammer', async () => {
    const s = await always({ status: 503 })
    for (const [random, expected] of [[() => -5, 500], [() => 7, 1000], [() => Number.NaN, 500]] as const) {
      const { config, sleeps } = setup({ random, retry: { limit: 2, baseDelayMs: 500, maxDelayMs: 30_000 } })
      await exchange(config, post(`${s.url}/track`))
      expect(sleeps[1]).toBe(expected)
    }
  })
  it('waits at least Retry-After: seconds, fractions and HTTP dates, never cut short by backoff', async () => {
    const when = new Date(Date.now() + 60_000).toUTCString()
    const headers = ['2', ' 1.5 ', when, '0']
    const s = await serve((_, i) => (i < headers.length ? { status: 429, headers: { 'Retry-After': headers[i] ?? '' } } : { status: 200, body: '1' }))
    const { config, sleeps } = setup({ retry: { limit: 4, baseDelayMs: 10, maxDelayMs: 100 } })
    expect(await exchange(config, post(`${s.url}/track`))).toMatchObject(E.right({ status: 200, attempts: 5 }))
    expect(sleeps.slice(0, 2)).toStrictEqual([2000, 1500])
    expect(sleeps[2]).toBeGreaterThan(50_000)
    expect(sleeps[2]).toBeLessThanOrEqual(60_000)
    expect(sleeps[3]).toBe(10)
  })
  it('ignores a Retry-After that is neither seconds nor a date, or a date in the past', async () => {
    const headers = ['soon', '-3', '12abc', 'Wed, 21 Oct 2015 07:28:00 GMT']
    const s = await serve((_, i) => (i < headers.length ? { status: 503, headers: { 'Retry-After': headers[i] ?? '' } } : { status: 200, body: '1' }))
    const { config, sleeps } = setup({ retry: { limit: 4, baseDelayMs: 10, maxDelayMs: 10 } })
    await exchange(config, post(`${s.url}/track`))
    expect(sleeps).toStrictEqual([10, 10, 10, 10])
  })
  it('ends the retries at once on a Retry-After beyond the ceiling, answering it', async () => {
    const s = await always({ status: 429, headers: { 'Retry-After': String(RETRY_AFTER_CEILING_MS / 1000 + 1) } })
    const { config, sleeps } = setup()
    expect(await exchange(config, post(`${s.url}/track`))).toMatchObject(E.right({ status: 429, retryAfterMs: RETRY_AFTER_CEILING_MS + 1000, attempts: 1 }))
    expect(sleeps).toStrictEqual([])
    expect(s.received).toHaveLength(1)
  })
  it('still retries when the injected sleep or randomness throws', async () => {
    const s = await serve((_, i) => (i === 0 ? { status: 503 } : { status: 200, body: '1' }))
    const config = resolved({ sleep: () => Promise.reject(new Error('no')), random: () => { throw new Error('no') } })
    expect(await exchange(config, post(`${s.url}/track`))).toMatchObject(E.right({ status: 200, attempts: 2 }))
  })
})
