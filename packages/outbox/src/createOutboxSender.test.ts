import type { Transaction } from '@electric-sql/pglite'
import { either as E } from 'fp-ts'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { httpError, networkError, type Config, type MixpanelError, type MixpanelRequest } from '@mp/core'
import { emulatorPerFile } from '@mp/emulator'
import { buildImportPayload, buildTrackPayload } from '@mp/events'
import { createOutboxSender } from './createOutboxSender.ts'
import { deadOf, freshOutbox, pglitePerFile, right, rowsOf } from './test-db.ts'
import { scriptedSender } from './test-sender.ts'
import type { DrainReport, Outbox, OutboxSender, OutboxSenderOptions, SenderErrorContext, SqlClient } from './types.ts'

const pgl = pglitePerFile({ beforeAll, afterAll })
const emu = emulatorPerFile({ beforeAll, afterAll, beforeEach }, { port: 0, credentials: { apiSecret: 'outbox-secret' } })

const token = 'outbox-token'
const noSleep = async (): Promise<void> => {}
/** No retries inside `send`: a fault reaches the sender at once. */
const config = (more: Partial<Config> = {}): Config => ({ token, apiSecret: 'outbox-secret', host: emu.url, retry: { limit: 0 }, sleep: noSleep, ...more })
const NOW = Date.now()

const track = (n: number, more: Record<string, unknown> = {}): MixpanelRequest =>
  right(buildTrackPayload({ token, distinctId: `u${n % 7}`, event: 'Purchase', properties: { n, ...more } }, { insertId: () => `ins-${n}`, now: () => NOW }))
const importing = (n: number): MixpanelRequest =>
  right(buildImportPayload({ token, distinctId: `u${n}`, event: 'Imported', timestamp: Math.floor(NOW / 1000) - 60 }, { insertId: () => `imp-${n}` }))
/** An /import record the builder would refuse (a year ahead) and strict /import refuses too. */
const importingFuture = (n: number): MixpanelRequest => {
  const { records, ...rest } = importing(n)
  const record = records[0] as { event: string; properties: Record<string, unknown> }
  return { ...rest, records: [{ ...record, properties: { ...record.properties, time: Math.floor(NOW / 1000) + 365 * 86_400 } }] }
}
const many = (from: number, count: number, endpoint: MixpanelRequest['endpoint'] = '/track', auth: MixpanelRequest['auth'] = 'token'): MixpanelRequest => ({
  endpoint,
  auth,
  records: Array.from({ length: count }, (_, i) => ({ event: 'e', properties: { token, distinct_id: 'u', $insert_id: `id${from + i}` } })),
})

const drained = async (sender: OutboxSender): Promise<DrainReport> => right(await sender.drain()())
const storedIds = (): string[] => emu.events().map((e) => String(e.properties['$insert_id'])).sort()
const enqueueAll = async (outbox: Outbox, requests: ReadonlyArray<MixpanelRequest>): Promise<void> => {
  for (const request of requests) right(await outbox.enqueue(request)())
}

describe('createOutboxSender: delivery', () => {
  it('delivers what committed transactions enqueued, deletes the rows, and never sends what was rolled back', async () => {
    const db = pgl.db
    const { outbox, table } = await freshOutbox(db)
    for (let n = 0; n < 8; n++) {
      await db
        .transaction(async (tx: Transaction) => {
          right(await outbox.enqueue(track(n), { db: tx })())
          if (n % 3 === 2) throw new Error('rolled back')
        })
        .catch(() => undefined)
    }
    const report = await drained(createOutboxSender(config(), db, { table }))
    expect(report).toStrictEqual({ delivered: 6, failed: 0, rescheduled: 0, deadLettered: 0, attempts: 1 })
    expect(storedIds()).toStrictEqual(['ins-0', 'ins-1', 'ins-3', 'ins-4', 'ins-6', 'ins-7'])
    expect(await rowsOf(db, table)).toStrictEqual([])
    expect(await drained(createOutboxSender(config(), db, { table }))).toMatchObject({ delivered: 0, attempts: 0 })
  })

  it('claims in enqueue order and batches by endpoint and auth, up to 2000 records per request', async () => {
    const db = pgl.db
    const { outbox, table } = await freshOutbox(db)
    await enqueueAll(outbox, [many(0, 4500), many(10_000, 3, '/import', 'secret'), many(20_000, 2, '/engage')])
    const transport = scriptedSender()
    const report = await drained(createOutboxSender(config(), db, { table, concurrency: 1, send: transport.send }))
    expect(transport.calls.map((c) => [c.request.endpoint, c.request.auth, c.request.records.length])).toStrictEqual([
      ['/track', 'token', 2000],
      ['/track', 'token', 2000],
      ['/track', 'token', 500],
      ['/import', 'secret', 3],
      ['/engage', 'token', 2],
    ])
    expect(transport.calls.slice(0, 3).flatMap((c) => c.keys)).toStrictEqual(Array.from({ length: 4500 }, (_, i) => `id${i}`))
    expect(report).toStrictEqual({ delivered: 4505, failed: 0, rescheduled: 0, deadLettered: 0, attempts: 5 })
  })

  it('keeps each request under the endpoint’s byte cap and a smaller batchSize', async () => {
    const db = pgl.db
    const { outbox, table } = await freshOutbox(db)
    const blob = 'x'.repeat(400_000)
    await enqueueAll(outbox, [track(1, { blob }), track(2, { blob }), track(3, { blob }), track(4, { blob }), track(5, { blob }), track(6), track(7), track(8)])
    const transport = scriptedSender()
    await drained(createOutboxSender(config(), db, { table, concurrency: 1, batchSize: 6, send: transport.send }))
    // 1.9 MB per /track request: four records of 400 KB fit, the fifth starts a new request.
    expect(transport.calls.map((c) => c.keys)).toStrictEqual([['ins-1', 'ins-2', 'ins-3', 'ins-4'], ['ins-5', 'ins-6'], ['ins-7', 'ins-8']])
  })

  it('leaves secret rows (/import) to a sender whose config has a secret', async () => {
    const db = pgl.db
    const { outbox, table } = await freshOutbox(db)
    await enqueueAll(outbox, [track(1), importing(2), track(3)])
    const tokenOnly = await drained(createOutboxSender({ token, host: emu.url }, db, { table }))
    expect(tokenOnly).toMatchObject({ delivered: 2, failed: 0 })
    expect((await rowsOf(db, table)).map((r) => r['endpoint'])).toStrictEqual(['/import'])
    expect(await drained(createOutboxSender(config(), db, { table }))).toMatchObject({ delivered: 1, failed: 0 })
    expect(storedIds()).toStrictEqual(['imp-2', 'ins-1', 'ins-3'])
  })
})

describe('createOutboxSender: failures', () => {
  it('reschedules a transient failure with a backoff and an attempt count, and delivers it later', async () => {
    const db = pgl.db
    const { outbox, table } = await freshOutbox(db)
    await enqueueAll(outbox, [track(1), track(2)])
    const errors: Array<[string, SenderErrorContext]> = []
    const options: OutboxSenderOptions = { table, onError: (e, ctx) => errors.push([e._tag, ctx]) }
    emu.faults.next(1, { kind: 'status', status: 503 })
    expect(await drained(createOutboxSender(config(), db, options))).toStrictEqual({ delivered: 0, failed: 2, rescheduled: 2, deadLettered: 0, attempts: 1 })
    expect(errors).toStrictEqual([['HttpError', { kind: 'rescheduled', endpoint: '/track', records: 2 }]])
    const rows = await rowsOf(db, table)
    expect(rows.map((r) => [r['attempts'], r['leased'], r['waiting'], r['locked_by'], (r['last_error'] as { _tag: string })._tag])).toStrictEqual([
      [1, null, true, null, 'HttpError'],
      [1, null, true, null, 'HttpError'],
    ])
    // Still waiting for its backoff (1 s by default): nothing is due.
    expect(await drained(createOutboxSender(config(), db, options))).toMatchObject({ delivered: 0, attempts: 0 })
    await db.query(`UPDATE "${table}" SET due_at = now()`)
    expect(await drained(createOutboxSender(config(), db, options))).toMatchObject({ delivered: 2, failed: 0 })
    expect(storedIds()).toStrictEqual(['ins-1', 'ins-2'])
  })

  it('tries each due row once per drain, so a drain ends while Mixpanel is down, even with no backoff', async () => {
    const db = pgl.db
    const { outbox, table } = await freshOutbox(db)
    await enqueueAll(outbox, [many(0, 30)])
    const down = scriptedSender(() => networkError('/track', 1, 'ECONNREFUSED'))
    const report = await drained(createOutboxSender(config(), db, { table, batchSize: 10, backoffMs: 0, maxBackoffMs: 0, send: down.send }))
    expect(report).toStrictEqual({ delivered: 0, failed: 30, rescheduled: 30, deadLettered: 0, attempts: 3 })
    expect(down.calls).toHaveLength(3)
    expect((await rowsOf(db, table)).every((r) => r['attempts'] === 1 && r['waiting'] === false)).toBe(true)
  })

  it('doubles the backoff per attempt up to maxBackoffMs', async () => {
    const db = pgl.db
    const { outbox, table } = await freshOutbox(db)
    await enqueueAll(outbox, [track(1)])
    const down = scriptedSender(() => httpError('/track', 500, '', 1))
    const waits: number[] = []
    for (let round = 0; round < 4; round++) {
      await db.query(`UPDATE "${table}" SET due_at = now()`)
      await drained(createOutboxSender(config({ random: () => 1 }), db, { table, backoffMs: 1000, maxBackoffMs: 5000, send: down.send }))
      const { rows } = await db.query<{ ms: number }>(`SELECT round(extract(epoch FROM due_at - now()) * 1000)::int AS ms FROM "${table}"`)
      waits.push(rows[0]?.ms ?? -1)
    }
    // Jitter draws 1: the full backoff, 1 s, 2 s, 4 s, then the 5 s ceiling.
    expect(waits.map((ms) => Math.round(ms / 100) * 100)).toStrictEqual([1000, 2000, 4000, 5000])
  })

  it('moves a batch Mixpanel refused to the dead-letter table with its tagged error', async () => {
    const db = pgl.db
    const { outbox, table } = await freshOutbox(db)
    // No token in the record: Mixpanel (the emulator) answers verbose status 0.
    await enqueueAll(outbox, [{ endpoint: '/track', auth: 'token', records: [{ event: 'e', properties: { distinct_id: 'u', $insert_id: 'no-token' } }] }])
    const errors: SenderErrorContext[] = []
    const report = await drained(createOutboxSender(config(), db, { table, onError: (_, ctx) => errors.push(ctx) }))
    expect(report).toStrictEqual({ delivered: 0, failed: 1, rescheduled: 0, deadLettered: 1, attempts: 1 })
    expect(errors).toStrictEqual([{ kind: 'dead-lettered', endpoint: '/track', records: 1 }])
    expect(await rowsOf(db, table)).toStrictEqual([])
    const dead = await deadOf(db, table)
    expect(dead).toMatchObject([{ endpoint: '/track', attempts: 1, error: { _tag: 'ApiRejected', endpoint: '/track', reason: 'token, missing or empty' } }])
    expect(JSON.parse(String(dead[0]?.['record']))).toStrictEqual({ event: 'e', properties: { distinct_id: 'u', $insert_id: 'no-token' } })
  })

  it('dead-letters exactly the records a strict /import refused and deletes the imported ones', async () => {
    const db = pgl.db
    const { outbox, table } = await freshOutbox(db)
    await enqueueAll(outbox, [importing(1), importing(2), importingFuture(3), importing(4)])
    const report = await drained(createOutboxSender(config(), db, { table }))
    expect(report).toMatchObject({ delivered: 3, failed: 1, deadLettered: 1, rescheduled: 0 })
    expect(storedIds()).toStrictEqual(['imp-1', 'imp-2', 'imp-4'])
    expect(await rowsOf(db, table)).toStrictEqual([])
    const dead = await deadOf(db, table)
    expect(dead.map((d) => JSON.parse(String(d['record'])).properties.$insert_id)).toStrictEqual(['imp-3'])
    expect(dead[0]?.['error']).toMatchObject({
      _tag: 'RecordsRejected',
      endpoint: '/import',
      imported: 3,
      failed: [{ index: 2, field: 'properties.time', message: "'properties.time' is invalid: must not be in the future" }],
    })
  })

  it('dead-letters a row whose stored JSON is not an object on its own, and sends the rest', async () => {
    const db = pgl.db
    const { outbox, table } = await freshOutbox(db)
    await enqueueAll(outbox, [track(1)])
    await db.query(`INSERT INTO "${table}" (endpoint, auth, record) VALUES ('/track', 'token', '[1, 2]')`)
    await enqueueAll(outbox, [track(2)])
    const report = await drained(createOutboxSender(config(), db, { table }))
    expect(report).toMatchObject({ delivered: 2, deadLettered: 1 })
    expect((await deadOf(db, table)).map((d) => [d['record'], (d['error'] as { _tag: string })._tag])).toStrictEqual([['[1, 2]', 'ValidationError']])
  })

  it('treats a transport that throws or rejects as a network failure: rows are rescheduled, not lost', async () => {
    const db = pgl.db
    const { outbox, table } = await freshOutbox(db)
    await enqueueAll(outbox, [track(1), importing(2)])
    const throwing = (request: MixpanelRequest) => () => (request.endpoint === '/track' ? Promise.reject(new Error('socket hang up')) : (() => { throw new Error('boom') })())
    const errors: MixpanelError[] = []
    const report = await drained(createOutboxSender(config(), db, { table, send: throwing, onError: (e) => errors.push(e) }))
    expect(report).toMatchObject({ delivered: 0, rescheduled: 2 })
    expect(errors.map((e) => e.message)).toStrictEqual([
      'Could not reach Mixpanel for /track after 1 attempt: socket hang up',
      'Could not reach Mixpanel for /import after 1 attempt: boom',
    ])
  })

  it('an onError that throws changes nothing', async () => {
    const db = pgl.db
    const { outbox, table } = await freshOutbox(db)
    await enqueueAll(outbox, [track(1)])
    emu.faults.next(1, { kind: 'status', status: 500 })
    const onError = (): void => {
      throw new Error('logger down')
    }
    expect(await drained(createOutboxSender(config(), db, { table, onError }))).toMatchObject({ rescheduled: 1 })
  })

  it('a database failure ends the drain with a DatabaseError; polling reports it to onError', async () => {
    const db = pgl.db
    const table = 'mp_outbox_missing'
    expect(await createOutboxSender(config(), db, { table }).drain()()).toMatchObject(E.left({ _tag: 'DatabaseError', operation: 'claim', code: '42P01' }))
    const seen: Array<[string, SenderErrorContext]> = []
    const sender = createOutboxSender(config(), db, { table, pollMs: 10, onError: (e, ctx) => seen.push([e._tag, ctx]) })
    sender.start()
    for (let i = 0; i < 200 && seen.length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 10))
    await sender.stop()()
    expect(seen.slice(0, 2)).toStrictEqual([
      ['DatabaseError', { kind: 'poll' }],
      ['DatabaseError', { kind: 'poll' }],
    ])
  })
})

describe('createOutboxSender: start and stop', () => {
  it('start polls for new rows; stop waits for the batch in flight and ends polling', async () => {
    const db = pgl.db
    const { outbox, table } = await freshOutbox(db)
    const transport = scriptedSender(undefined, 150)
    const sender = createOutboxSender(config(), db, { table, pollMs: 20, send: transport.send })
    sender.start()
    sender.start() // a second start changes nothing
    await enqueueAll(outbox, [track(1)])
    for (let i = 0; i < 300 && transport.calls.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10))
    expect(transport.calls.map((c) => c.keys)).toStrictEqual([['ins-1']])
    // The call is still in flight (it takes 150 ms): stop waits for it, and its row is deleted.
    await sender.stop()()
    expect(transport.calls[0]?.ok).toBe(true)
    expect(await rowsOf(db, table)).toStrictEqual([])
    await enqueueAll(outbox, [track(2)])
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(transport.calls).toHaveLength(1)
    expect(await rowsOf(db, table)).toHaveLength(1)
  })
})

describe('createOutboxSender: bad input is a ConfigError, nothing runs', () => {
  const counting = (): { db: SqlClient; ran: () => number } => {
    let ran = 0
    return { db: { query: async () => (ran++, { rows: [] }) }, ran: () => ran }
  }

  it('refuses a bad config, db, table or options for every call', async () => {
    const { db, ran } = counting()
    const cases: ReadonlyArray<[Config, unknown, unknown, string]> = [
      [{ token: '' }, db, {}, 'token'],
      [{ token, host: 'http://example.com' }, db, {}, 'host'],
      [config(), 'postgres://app:secret@db/shop', {}, 'db'],
      [config(), db, { table: 'Bad Name' }, 'table'],
      [config(), db, { batchSize: 0 }, 'batchSize'],
      [config(), db, { batchSize: 2001 }, 'batchSize'],
      [config(), db, { concurrency: 1.5 }, 'concurrency'],
      [config(), db, { leaseMs: 10 }, 'leaseMs'],
      [config(), db, { pollMs: '1000' }, 'pollMs'],
      [config(), db, { backoffMs: 5000, maxBackoffMs: 1000 }, 'maxBackoffMs'],
      [config(), db, { onError: 'log' }, 'onError'],
      [config(), db, { send: {} }, 'send'],
      [config(), db, { name: '' }, 'name'],
      [config(), db, 'fast', 'sender'],
    ]
    for (const [cfg, client, options, field] of cases) {
      const sender = createOutboxSender(cfg, client as SqlClient, options as OutboxSenderOptions)
      expect(await sender.drain()(), field).toMatchObject(E.left({ _tag: 'ConfigError', field }))
    }
    const hostile = new Proxy({}, { get: () => { throw new Error('trap') } })
    expect(await createOutboxSender(config(), db, hostile).drain()()).toMatchObject(E.left({ _tag: 'ConfigError' }))
    expect(ran()).toBe(0)
  })

  it('start with a bad config tells onError once; stop answers at once', async () => {
    const seen: Array<[MixpanelError, SenderErrorContext]> = []
    const sender = createOutboxSender({ token: '' }, counting().db, { onError: (e, ctx) => seen.push([e, ctx]) })
    sender.start()
    await sender.stop()()
    expect(seen).toMatchObject([[{ _tag: 'ConfigError', field: 'token' }, { kind: 'poll' }]])
  })
})
