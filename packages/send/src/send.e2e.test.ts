import { either as E } from 'fp-ts'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '@mp/emulator'
import { randomInsertId, type Config, type JsonObject, type MixpanelError, type MixpanelRequest } from '@mp/core'
import { send } from './send.ts'
import { account, API_SECRET, decodeBasic, expectNoSecrets, PROJECT_ID, recordingSleep, SA_SECRET, SA_USER, TOKEN } from './test-fixtures.ts'

// End to end against @mp/emulator: real HTTP on 127.0.0.1, Mixpanel's own bodies and status codes.
let emu: Emulator
beforeAll(async () => {
  emu = await startEmulator({
    port: 0,
    credentials: { token: TOKEN, apiSecret: API_SECRET, serviceAccount: { username: SA_USER, secret: SA_SECRET, projectId: PROJECT_ID } },
    limits: { maxRecords: 3 },
  })
})
afterAll(async () => emu.stop())
beforeEach(() => emu.reset())

const event = (id: string, extra: Record<string, JsonObject[string]> = {}): JsonObject => ({
  event: 'signup',
  properties: { token: TOKEN, distinct_id: id, time: Math.floor(Date.now() / 1000), $insert_id: randomInsertId(), ...extra },
})
const events = (n: number): JsonObject[] => Array.from({ length: n }, (_, i) => event(`u${i}`))
const setProfile = (id: string): JsonObject => ({ $token: TOKEN, $distinct_id: id, $set: { plan: 'pro' } })
const setGroup = (id: string): JsonObject => ({ $token: TOKEN, $group_key: 'company', $group_id: id, $set: { size: 5 } })
const setup = (more: Partial<Config> = {}) => {
  const rec = recordingSleep()
  return { config: { token: TOKEN, host: emu.url, sleep: rec.sleep, retry: { limit: 2, baseDelayMs: 5, maxDelayMs: 20 }, ...more }, sleeps: rec.sleeps }
}
const errorOf = (r: E.Either<MixpanelError, unknown>): MixpanelError => {
  if (E.isRight(r)) throw new Error(`expected Left, got ${JSON.stringify(r.right)}`)
  expectNoSecrets(r.left)
  return r.left
}
const sa = { serviceAccount: account() }

describe('send × emulator: delivery and auth', () => {
  it('stores /track events, with no Authorization and no project_id', async () => {
    const request: MixpanelRequest = { endpoint: '/track', auth: 'token', records: events(2) }
    expect(await send(setup(sa).config)(request)()).toStrictEqual(E.right({ endpoint: '/track', records: 2, attempts: 1 }))
    expect(emu.events().map((e) => e.distinctId)).toStrictEqual(['u0', 'u1'])
    const [got] = emu.requests()
    expect(got?.headers['authorization']).toBeUndefined()
    expect(got?.query).toStrictEqual({ verbose: '1', ip: '0' })
    expect(got?.encoding).toBe('json')
  })
  it('applies /engage and /groups updates, never with credentials', async () => {
    const deliver = send(setup({ ...sa, apiSecret: API_SECRET }).config)
    expect(E.isRight(await deliver({ endpoint: '/engage', auth: 'token', records: [setProfile('u1')] })())).toBe(true)
    expect(E.isRight(await deliver({ endpoint: '/groups', auth: 'token', records: [setGroup('acme')] })())).toBe(true)
    expect(emu.profile('u1')).toMatchObject({ plan: 'pro' })
    expect(emu.group('company', 'acme')).toMatchObject({ size: 5 })
    for (const r of emu.requests()) {
      expect(r.headers['authorization']).toBeUndefined()
      expect(r.query).toStrictEqual({ verbose: '1', ip: '0' })
    }
  })
  it('imports with the service account and project_id, reading the imported count', async () => {
    const result = await send(setup(sa).config)({ endpoint: '/import', auth: 'secret', records: events(3) })()
    expect(result).toStrictEqual(E.right({ endpoint: '/import', records: 3, attempts: 1, imported: 3 }))
    const [got] = emu.requests()
    expect(decodeBasic(got?.headers['authorization'])).toStrictEqual([SA_USER, SA_SECRET])
    expect(got?.query).toStrictEqual({ strict: '1', project_id: PROJECT_ID })
  })
  it('imports with the API secret and no project_id', async () => {
    expect(E.isRight(await send(setup({ apiSecret: API_SECRET }).config)({ endpoint: '/import', auth: 'secret', records: events(1) })())).toBe(true)
    const [got] = emu.requests()
    expect(decodeBasic(got?.headers['authorization'])).toStrictEqual([API_SECRET, ''])
    expect(got?.query).toStrictEqual({ strict: '1' })
  })
  it('answers 401 as an HttpError without retrying, and without the wrong secret', async () => {
    const error = errorOf(await send(setup({ apiSecret: 'not-the-secret' }).config)({ endpoint: '/import', auth: 'secret', records: events(1) })())
    expect(error).toMatchObject({ _tag: 'HttpError', status: 401, attempts: 1 })
    expect(JSON.stringify(error)).not.toContain('not-the-secret')
    expect(emu.requests()).toHaveLength(1)
  })
  it('gzips when configured, except on /engage', async () => {
    const deliver = send(setup({ ...sa, gzip: true }).config)
    await deliver({ endpoint: '/track', auth: 'token', records: events(1) })()
    await deliver({ endpoint: '/import', auth: 'secret', records: events(1) })()
    await deliver({ endpoint: '/groups', auth: 'token', records: [setGroup('g')] })()
    await deliver({ endpoint: '/engage', auth: 'token', records: [setProfile('p')] })()
    expect(emu.requests().map((r) => [r.path, r.gzip, r.status])).toStrictEqual([
      ['/track', true, 200],
      ['/import', true, 200],
      ['/groups', true, 200],
      ['/engage', false, 200],
    ])
    expect(emu.events()).toHaveLength(2)
  })
})

describe('send × emulator: errors and retries', () => {
  it('reports ApiRejected for a verbose status 0 and does not retry it', async () => {
    const bad: JsonObject = { event: 'e', properties: { distinct_id: 'u1', time: Math.floor(Date.now() / 1000) } }
    const error = errorOf(await send(setup().config)({ endpoint: '/track', auth: 'token', records: [bad] })())
    expect(error._tag).toBe('ApiRejected')
    expect(emu.requests()).toHaveLength(1)
  })
  it('retries injected 503s, counted on the emulator, then succeeds', async () => {
    emu.faults.next(2, { kind: 'status', status: 503 })
    const { config, sleeps } = setup()
    expect(await send(config)({ endpoint: '/track', auth: 'token', records: events(1) })()).toMatchObject(E.right({ attempts: 3 }))
    expect(emu.requests().map((r) => r.status)).toStrictEqual([503, 503, 200])
    expect(sleeps).toHaveLength(2)
    expect(emu.events()).toHaveLength(1)
  })
  it('reports HttpError once the retries are spent on 5xx', async () => {
    emu.faults.next(10, { kind: 'status', status: 500 })
    expect(errorOf(await send(setup().config)({ endpoint: '/track', auth: 'token', records: events(1) })())).toMatchObject({ _tag: 'HttpError', status: 500, attempts: 3 })
    expect(emu.requests()).toHaveLength(3)
  })
  it('reports RateLimited after 429s, having waited at least Retry-After each time', async () => {
    emu.faults.next(10, { kind: 'status', status: 429, retryAfter: '3' })
    const { config, sleeps } = setup(sa)
    expect(errorOf(await send(config)({ endpoint: '/import', auth: 'secret', records: events(1) })())).toMatchObject({ _tag: 'RateLimited', attempts: 3, retryAfterMs: 3000 })
    expect(sleeps.every((ms) => ms >= 3000)).toBe(true)
    expect(emu.requests()).toHaveLength(3)
  })
  it.each([400, 401, 403])('never retries an injected %i', async (status) => {
    emu.faults.next(5, { kind: 'status', status, body: '{"error":"nope","status":0}' })
    expect(errorOf(await send(setup(sa).config)({ endpoint: '/import', auth: 'secret', records: events(1) })())).toMatchObject({ _tag: 'HttpError', status, attempts: 1 })
    expect(emu.requests()).toHaveLength(1)
  })
  it('times out a hanging server and retries, then reports TimeoutError', async () => {
    emu.faults.next(10, { kind: 'hang' })
    expect(errorOf(await send(setup({ timeoutMs: 80 }).config)({ endpoint: '/track', auth: 'token', records: events(1) })())).toMatchObject({ _tag: 'TimeoutError', attempts: 3 })
    expect(emu.requests()).toHaveLength(3)
  })
  it('retries a connection reset after storing, and $insert_id dedup keeps one copy', async () => {
    emu.faults.next(1, { kind: 'reset', when: 'after' })
    expect(await send(setup(sa).config)({ endpoint: '/import', auth: 'secret', records: events(2) })()).toMatchObject(E.right({ attempts: 2, imported: 2 }))
    expect(emu.events()).toHaveLength(2)
    expect(emu.stats().duplicates).toBe(2)
  })
  it('reports NetworkError when every attempt is reset', async () => {
    emu.faults.next(10, { kind: 'reset', when: 'before' })
    expect(errorOf(await send(setup().config)({ endpoint: '/track', auth: 'token', records: events(1) })())).toMatchObject({ _tag: 'NetworkError', attempts: 3 })
  })
})

describe('send × emulator: 413 split and per-record rejection', () => {
  it('splits a batch over the record limit and stores every record once', async () => {
    const records = events(7)
    const result = await send(setup(sa).config)({ endpoint: '/import', auth: 'secret', records })()
    expect(result).toMatchObject(E.right({ records: 7, imported: 7 }))
    expect(emu.events().map((e) => e.distinctId).sort()).toStrictEqual(records.map((_, i) => `u${i}`).sort())
    expect(emu.requests().filter((r) => r.status === 413).length).toBeGreaterThan(0)
  })
  it('maps failed_records back to the caller’s positions across the split', async () => {
    const future = Math.floor(Date.now() / 1000) + 86_400 * 30
    const records = events(7).map((r, i) => (i === 2 || i === 5 ? event(`u${i}`, { time: future }) : r))
    const error = errorOf(await send(setup(sa).config)({ endpoint: '/import', auth: 'secret', records })())
    expect(error._tag).toBe('RecordsRejected')
    if (error._tag !== 'RecordsRejected') return
    expect(error.failed.map((f) => f.index)).toStrictEqual([2, 5])
    expect(error.failed.map((f) => f.insertId)).toStrictEqual([
      (records[2]?.['properties'] as JsonObject)['$insert_id'],
      (records[5]?.['properties'] as JsonObject)['$insert_id'],
    ])
    expect(error.imported).toBe(5)
    expect(emu.events()).toHaveLength(5)
  })
  it('reports PayloadTooLarge for a single record over the byte limit', async () => {
    const small = await startEmulator({ port: 0, limits: { maxBytes: 200 } })
    try {
      const big = event('u1', { note: 'x'.repeat(500) })
      const error = errorOf(await send({ token: TOKEN, host: small.url })({ endpoint: '/track', auth: 'token', records: [big] })())
      expect(error).toMatchObject({ _tag: 'PayloadTooLarge', endpoint: '/track' })
      expect(small.requests()).toHaveLength(1)
    } finally {
      await small.stop()
    }
  })
})
