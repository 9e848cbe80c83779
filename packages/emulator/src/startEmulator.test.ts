import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator } from './startEmulator.ts'
import { http } from './test-http.ts'
import type { Emulator } from './types.ts'

let emu: Emulator
beforeEach(async () => {
  emu = await startEmulator({ port: 0 })
})
afterEach(async () => {
  await emu.stop()
})

const event = (name: string, id = 'u1') => ({ event: name, properties: { token: 'tok', distinct_id: id } })
const track = (name: string) => http(emu.url, '/track?verbose=1', { json: [event(name)] })

const until = async (condition: () => boolean): Promise<void> => {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5))
}

describe('startEmulator', () => {
  it('listens on 127.0.0.1 with a random port', () => {
    expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })

  it('stores tracked events and answers verbosely', async () => {
    const res = await track('Signed up')
    expect([res.status, res.body]).toEqual([200, '{"error":null,"status":1}'])
    expect(emu.events()).toEqual([
      { endpoint: '/track', event: 'Signed up', properties: { token: 'tok', distinct_id: 'u1' }, distinctId: 'u1', canonicalId: 'u1' },
    ])
  })

  it('serves a JSON view of its state at GET /_emulator/state, without logging it', async () => {
    await track('A')
    await http(emu.url, '/engage', { json: [{ $token: 't', $distinct_id: 'u1', $set: { n: 1 } }] })
    const view = JSON.parse((await http(emu.url, '/_emulator/state')).body) as Record<string, unknown>
    expect(view).toEqual({
      idMerge: 'simplified',
      events: emu.events(),
      profiles: { u1: { n: 1 } },
      groups: {},
      identities: [],
      ignoredIdentityEvents: [],
      stats: { requests: 2, recordsReceived: 2, eventsStored: 1, duplicates: 0 },
    })
  })

  it('reset() clears data, the request log and faults', async () => {
    await track('A')
    emu.faults.next(1, { kind: 'status', status: 500 })
    emu.reset()
    expect([emu.events(), emu.requests(), emu.profiles()]).toEqual([[], [], {}])
    expect((await track('B')).status).toBe(200)
  })

  it('returns snapshots that callers cannot use to change its state', async () => {
    await track('A')
    const first = emu.events()[0]
    if (first !== undefined) first.properties['token'] = 'changed'
    expect(emu.events()[0]?.properties['token']).toBe('tok')
  })

  it('answers 404 for unknown routes and 405 for wrong methods', async () => {
    expect((await http(emu.url, '/nope')).status).toBe(404)
    expect((await http(emu.url, '/track', { method: 'PUT', body: '[]' })).status).toBe(405)
  })

  it('tolerates hostile input to its public functions', async () => {
    const odd = await startEmulator(null as never)
    try {
      odd.setFlagDefinitions(null as never)
      odd.faults.random({ seed: Number.NaN, faults: null as never })
      odd.faults.next(Number.NaN, { kind: 'hang' }, null as never)
      expect((await http(odd.url, '/flags/definitions')).body).toBe('{"flags":[]}')
      expect([odd.profile(undefined as never), odd.eventsFor(42 as never), odd.canonicalId(null as never)]).toEqual([undefined, [], null])
    } finally {
      await odd.stop()
    }
  })

  it('serves flag definitions set later with setFlagDefinitions', async () => {
    emu.setFlagDefinitions([{ key: 'f' }])
    expect((await http(emu.url, '/flags/definitions')).body).toBe('{"flags":[{"key":"f"}]}')
  })
})

describe('fault injection', () => {
  it('status: answers the status without storing, with Retry-After when asked', async () => {
    emu.faults.next(1, { kind: 'status', status: 429, retryAfter: '3' })
    emu.faults.next(1, { kind: 'status', status: 503 })
    emu.faults.next(1, { kind: 'status', status: 500, body: 'boom' })
    const limited = await track('A')
    expect([limited.status, limited.body, limited.headers.get('retry-after')]).toEqual([
      429,
      '{"code":429,"error":"Project exceeded rate limits. Please retry the request with exponential backoff.","status":"Too Many Requests"}',
      '3',
    ])
    const unavailable = await track('B')
    expect([unavailable.status, unavailable.body, unavailable.headers.get('retry-after')]).toEqual([503, 'Service Unavailable', null])
    expect((await track('C')).body).toBe('boom')
    expect((await track('D')).status).toBe(200)
    expect(emu.events().map((e) => e.event)).toEqual(['D'])
    expect(emu.requests().map((r) => [r.status, r.fault])).toEqual([
      [429, 'status'],
      [503, 'status'],
      [500, 'status'],
      [200, undefined],
    ])
    expect(emu.stats()).toMatchObject({ requests: 4, recordsReceived: 4, eventsStored: 1 })
  })

  it('status 413 answers Mixpanel body', async () => {
    emu.faults.next(1, { kind: 'status', status: 413 })
    expect((await track('A')).body).toBe(
      '{"code":413,"error":"request exceeds max limit of 10485760 bytes","status":"Request Entity Too Large"}',
    )
  })

  it('only hits requests on the matching path', async () => {
    emu.faults.next(2, { kind: 'status', status: 500 }, { path: '/engage/' })
    expect((await track('A')).status).toBe(200)
    const engage = () => http(emu.url, '/engage', { json: [{ $token: 't', $distinct_id: 'u', $set: { a: 1 } }] })
    expect([(await engage()).status, (await engage()).status, (await engage()).status]).toEqual([500, 500, 200])
  })

  it('reset before: the connection drops and nothing is stored', async () => {
    emu.faults.next(1, { kind: 'reset', when: 'before' })
    await expect(track('A')).rejects.toThrow()
    expect(emu.events()).toEqual([])
    expect(emu.requests()[0]).toMatchObject({ fault: 'reset', response: '', records: [event('A')] })
  })

  it('reset after: the connection drops but the records are stored', async () => {
    emu.faults.next(1, { kind: 'reset', when: 'after' })
    await expect(track('A')).rejects.toThrow()
    expect(emu.events().map((e) => e.event)).toEqual(['A'])
  })

  it('latency: answers normally after the delay', async () => {
    emu.faults.next(1, { kind: 'latency', ms: 30 })
    const res = await track('A')
    expect([res.status, res.body]).toEqual([200, '{"error":null,"status":1}'])
    expect(emu.requests()[0]?.fault).toBe('latency')
    expect(emu.events()).toHaveLength(1)
  })

  it('hang: never answers; the client gives up by aborting', async () => {
    emu.faults.next(1, { kind: 'hang' })
    const controller = new AbortController()
    const pending = fetch(`${emu.url}/track`, { method: 'POST', body: JSON.stringify([event('A')]), signal: controller.signal })
    await until(() => emu.requests().length === 1)
    controller.abort()
    await expect(pending).rejects.toThrow()
    expect(emu.requests()[0]).toMatchObject({ fault: 'hang', status: 0, response: '' })
    expect(emu.events()).toEqual([])
  })

  it('stop() finishes while a hung request and a delayed request are open', async () => {
    emu.faults.next(1, { kind: 'hang' })
    emu.faults.next(1, { kind: 'latency', ms: 60_000 })
    const hung = track('A').catch((error: unknown) => error)
    await until(() => emu.requests().length === 1)
    const slow = track('B').catch((error: unknown) => error)
    await until(() => emu.requests().length === 2)
    await emu.stop()
    expect(await hung).toBeInstanceOf(Error)
    expect(await slow).toBeInstanceOf(Error)
    await emu.stop()
  })

  it('random: the same seed gives the same faults', async () => {
    const run = async (seed: number): Promise<Array<number>> => {
      emu.reset()
      emu.faults.random({
        seed,
        faults: [
          { fault: { kind: 'status', status: 503 }, probability: 0.3 },
          { fault: { kind: 'status', status: 429 }, probability: 0.2 },
        ],
        match: { path: '/track' },
      })
      const statuses: Array<number> = []
      for (let i = 0; i < 20; i++) statuses.push((await track(`E${i}`)).status)
      return statuses
    }
    const first = await run(7)
    expect(await run(7)).toEqual(first)
    expect(new Set(first)).toEqual(new Set([200, 429, 503]))
    expect(emu.events()).toHaveLength(first.filter((s) => s === 200).length)
    emu.faults.clear()
    expect((await track('after clear')).status).toBe(200)
  })

  it('next() takes precedence over random()', async () => {
    emu.faults.random({ seed: 1, faults: [{ fault: { kind: 'status', status: 503 }, probability: 1 }] })
    emu.faults.next(1, { kind: 'status', status: 429 })
    expect([(await track('A')).status, (await track('B')).status]).toEqual([429, 503])
  })
})
