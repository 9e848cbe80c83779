import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Config, RecordsRejected } from '@mp/core'
import { emulatorPerFile } from '@mp/emulator'
import { contentInsertId } from './contentInsertId.ts'
import { importEvents } from './importEvents.ts'
import { leftOf, rightOf } from './test-either.ts'
import type { ImportEvent, ImportProgress } from './types.ts'

// The emulator's clock runs three days behind ours, so a time two days after its "now" passes our
// check (within our now + 1 h) but is refused by the emulator as in the future: a refusal only the
// server makes.
const EMU_NOW = Date.UTC(2024, 5, 1)
const env = { now: () => EMU_NOW + 3 * 86_400_000 }
const SECRET = 'import-secret-1'

const emu = emulatorPerFile({ beforeAll, afterAll, beforeEach }, { port: 0, now: () => EMU_NOW, credentials: { apiSecret: SECRET } })

const config = (extra: Partial<Config> = {}): Config => ({ token: 'TOKEN', host: emu.url, apiSecret: SECRET, retry: { limit: 0 }, ...extra })

const valid = (i: number): ImportEvent => ({
  event: `event_${i % 5}`,
  properties: { distinct_id: `user_${i % 97}`, time: EMU_NOW / 1000 - 86_400 - i, n: i },
})

// Refused by our own validation, before sending.
const OURS: Readonly<Record<number, (e: ImportEvent) => unknown>> = {
  7: (e) => ({ ...e, properties: { ...e.properties, distinct_id: 'anonymous' } }),
  1500: (e) => ({ ...e, properties: { distinct_id: 'u', n: 1 } }),
  2222: (e) => ({ ...e, properties: { ...e.properties, $insert_id: 'not_allowed' } }),
  3001: (e) => ({ ...e, event: '' }),
  4999: (e) => ({ ...e, properties: { ...e.properties, deep: { a: { b: { c: {} } } } } }),
}
// Accepted by us, refused by the emulator: two days after its clock.
const SERVER_ONLY = [42, 2100, 4321]

const fiveThousand = (): unknown[] =>
  Array.from({ length: 5000 }, (_, i) => {
    const event = valid(i)
    const spoil = OURS[i]
    if (spoil !== undefined) return spoil(event)
    if (SERVER_ONLY.includes(i)) return { ...event, properties: { ...event.properties, time: EMU_NOW / 1000 + 2 * 86_400 } }
    return event
  })

const expectedFailed = [7, 42, 1500, 2100, 2222, 3001, 4321, 4999]

describe('importEvents (end to end against the emulator)', () => {
  it('imports 5 000 events in 3 gzipped chunks and reports every refused one by its input index', async () => {
    const progress: ImportProgress[] = []
    const error = leftOf(await importEvents(config(), env)(fiveThousand() as ImportEvent[], { onProgress: (p) => progress.push(p) })())
    expect(error._tag).toBe('RecordsRejected')
    const rejected = error as RecordsRejected
    expect(rejected.failed.map((f) => f.index)).toEqual(expectedFailed)
    expect(rejected.imported).toBe(4992)
    expect(rejected.failed.find((f) => f.index === 42)).toMatchObject({ field: 'properties.time', message: expect.stringContaining('future') })
    expect(rejected.failed.find((f) => f.index === 7)).toMatchObject({ field: 'properties.distinct_id', message: expect.stringContaining('placeholder') })
    expect(rejected.failed.find((f) => f.index === 1500)).toMatchObject({ field: 'properties.time', message: expect.stringContaining('is required') })
    expect(rejected.failed.find((f) => f.index === 2222)?.field).toBe('properties.$insert_id')
    expect(rejected.failed.find((f) => f.index === 3001)?.field).toBe('event')
    expect(rejected.failed.find((f) => f.index === 4999)?.field).toBe('properties.deep.a.b.c')

    const requests = emu.requests()
    // Chunks go out concurrently, so they may arrive in any order.
    expect(requests.map((r) => r.records.length).sort((a, b) => b - a)).toEqual([2000, 2000, 995])
    expect(requests.every((r) => r.path === '/import' && r.gzip && r.query['strict'] === '1')).toBe(true)
    expect(requests.every((r) => r.headers['authorization'] === `Basic ${Buffer.from(`${SECRET}:`).toString('base64')}`)).toBe(true)
    expect(emu.events()).toHaveLength(4992)

    expect(progress).toHaveLength(3)
    expect(progress.map((p) => p.sent).sort((a, b) => a - b)).toEqual([...progress.map((p) => p.sent)])
    expect(progress.at(-1)).toEqual({ sent: 4995, imported: 4992 })
  })

  it('fills token and a deterministic $insert_id, so a re-run stores nothing twice', async () => {
    const events = fiveThousand() as ImportEvent[]
    leftOf(await importEvents(config(), env)(events)())
    const stored = emu.events().find((e) => e.properties['n'] === 0)
    expect(stored?.properties).toMatchObject({ token: 'TOKEN', $insert_id: await contentInsertId('event_0', valid(0).properties as never) })

    const again = leftOf(await importEvents(config(), env)(fiveThousand() as ImportEvent[])()) as RecordsRejected
    expect(again.failed.map((f) => f.index)).toEqual(expectedFailed)
    expect(emu.events()).toHaveLength(4992)
    expect(emu.stats().duplicates).toBe(4992)
  })

  it('answers an ImportReceipt when every record was imported', async () => {
    const events = Array.from({ length: 2500 }, (_, i) => valid(i))
    expect(rightOf(await importEvents(config(), env)(events)())).toEqual({ records: 2500, imported: 2500, rejected: 0, chunks: 2, attempts: 2 })
    expect(emu.events()).toHaveLength(2500)
  })

  it('reads an async iterable lazily, one chunk at a time with concurrency 1', async () => {
    let reads = 0
    const readsAtProgress: number[] = []
    async function* source(): AsyncGenerator<ImportEvent> {
      for (let i = 0; i < 4100; i++) {
        reads++
        yield valid(i)
      }
    }
    const receipt = rightOf(await importEvents(config(), env)(source(), { concurrency: 1, onProgress: () => readsAtProgress.push(reads) })())
    expect(receipt).toEqual({ records: 4100, imported: 4100, rejected: 0, chunks: 3, attempts: 3 })
    // When the first chunk is answered, only it (and the record that did not fit) has been read.
    expect(readsAtProgress).toEqual([2001, 4001, 4100])
    expect(emu.events()).toHaveLength(4100)
  })

  it('cuts chunks at 10 MB of JSON as well as at 2000 records', async () => {
    const blob = 'x'.repeat(500_000)
    const events = Array.from({ length: 25 }, (_, i) => ({ ...valid(i), properties: { ...valid(i).properties, blob } }))
    const receipt = rightOf(await importEvents(config(), env)(events)())
    expect(receipt.chunks).toBe(2)
    expect(emu.requests().map((r) => r.records.length).sort((a, b) => b - a)).toEqual([20, 5])
    expect(emu.requests().every((r) => r.status === 200)).toBe(true)
  })

  it('sends uncompressed when the config says gzip: false', async () => {
    rightOf(await importEvents(config({ gzip: false }), env)([valid(1)])())
    expect(emu.requests()[0]?.gzip).toBe(false)
  })

  it('stops at a failure that is not about records; chunks already sent stay imported and a re-run completes', async () => {
    let first = true
    const onProgress = () => {
      if (first) emu.faults.next(1, { kind: 'status', status: 401 })
      first = false
    }
    const events = Array.from({ length: 5000 }, (_, i) => valid(i))
    const error = leftOf(await importEvents(config(), env)(events, { concurrency: 1, onProgress })())
    expect(error).toMatchObject({ _tag: 'HttpError', status: 401 })
    expect(JSON.stringify(error)).not.toContain(SECRET)
    expect(emu.requests()).toHaveLength(2)
    expect(emu.events()).toHaveLength(2000)

    expect(rightOf(await importEvents(config(), env)(events)()).imported).toBe(5000)
    expect(emu.events()).toHaveLength(5000)
    expect(emu.stats().duplicates).toBe(2000)
  })

  it('never throws or rejects: a failing source, a throwing onProgress, hostile events', async () => {
    async function* breaks(): AsyncGenerator<ImportEvent> {
      for (let i = 0; i < 2500; i++) yield valid(i)
      throw new Error('line 2501: unexpected token')
    }
    const error = leftOf(await importEvents(config(), env)(breaks(), { concurrency: 1 })())
    expect(error).toEqual({
      _tag: 'ValidationError',
      path: 'events',
      message: 'Invalid events: could not be read (line 2501: unexpected token); chunks sent before were imported',
    })
    expect(emu.events()).toHaveLength(2000)
    emu.reset()

    const hostile = Object.defineProperty({ event: 'e' }, 'properties', {
      get() {
        throw new Error('trap')
      },
    })
    const rejected = leftOf(
      await importEvents(config(), env)([valid(0), hostile as never, valid(2)], {
        onProgress: () => {
          throw new Error('progress bug')
        },
      })(),
    ) as RecordsRejected
    expect(rejected).toMatchObject({ _tag: 'RecordsRejected', imported: 2, failed: [{ index: 1, field: 'record', message: 'Invalid record: could not be read (trap)' }] })
    expect(emu.events()).toHaveLength(2)
  })

  it('checks config, source and options before reading anything', async () => {
    let touched = false
    async function* source(): AsyncGenerator<ImportEvent> {
      touched = true
      yield valid(0)
    }
    expect(leftOf(await importEvents({ token: 'TOKEN', host: emu.url }, env)(source())())).toMatchObject({ _tag: 'ConfigError', field: 'apiSecret' })
    expect(leftOf(await importEvents(config(), env)(source(), { concurrency: 0 })())).toEqual({
      _tag: 'ValidationError',
      path: 'options.concurrency',
      message: 'Invalid options.concurrency: must be a whole number from 1 to 64, got 0',
    })
    expect(leftOf(await importEvents(config(), env)(42 as never)())).toMatchObject({ _tag: 'ValidationError', path: 'events' })
    expect(leftOf(await importEvents(config(), env)('abc' as never)())).toMatchObject({ _tag: 'ValidationError', path: 'events' })
    const hostileConfig = new Proxy({}, { get: () => { throw new Error('config trap') } }) as Config
    expect(leftOf(await importEvents(hostileConfig, env)(source())())).toMatchObject({ _tag: 'ConfigError', field: 'config' })
    expect(touched).toBe(false)
    expect(emu.requests()).toHaveLength(0)
    expect(rightOf(await importEvents(config(), env)([])())).toEqual({ records: 0, imported: 0, rejected: 0, chunks: 0, attempts: 0 })
  })
})
