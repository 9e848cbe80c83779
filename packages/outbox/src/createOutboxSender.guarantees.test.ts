import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { networkError, type Config, type MixpanelRequest } from '@mp/core'
import { emulatorPerFile } from '@mp/emulator'
import { buildTrackPayload } from '@mp/events'
import { buildAliasPayload } from '@mp/identity'
import { buildPeopleIncrementPayload, buildPeopleSetPayload } from '@mp/people'
import { createOutboxSender } from './createOutboxSender.ts'
import { outboxSql } from './outboxSql.ts'
import { runQuery } from './runQuery.ts'
import { freshOutbox, pglitePerFile, right, rowsOf } from './test-db.ts'
import { scriptedSender } from './test-sender.ts'
import type { DrainReport, Outbox, OutboxSender } from './types.ts'

// The outbox's promises, each tried against PGlite in this process. The same promises across
// processes, with SIGKILLs and a real PostgreSQL server, are tried by scripts/outbox-crash.mjs.
const pgl = pglitePerFile({ beforeAll, afterAll })
const emu = emulatorPerFile({ beforeAll, afterAll, beforeEach })

const token = 'outbox-token'
const config = (): Config => ({ token, host: emu.url, retry: { limit: 0 }, sleep: async () => {} })
const track = (n: number): MixpanelRequest =>
  right(buildTrackPayload({ token, distinctId: `user-${n % 5}`, event: 'Purchase', properties: { n } }, { insertId: () => `ins-${n}` }))
const tracks = (count: number): MixpanelRequest[] => Array.from({ length: count }, (_, n) => track(n))
const enqueueAll = async (outbox: Outbox, requests: ReadonlyArray<MixpanelRequest>): Promise<void> => {
  for (const request of requests) right(await outbox.enqueue(request)())
}
const drained = async (sender: OutboxSender): Promise<DrainReport> => right(await sender.drain()())
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
const storedIds = (): string[] => emu.events().map((e) => String(e.properties['$insert_id'])).sort()
const idsUpTo = (count: number): string[] => Array.from({ length: count }, (_, n) => `ins-${n}`).sort()

describe('outbox guarantees', () => {
  it('a sender that died holding rows loses nothing: another sender takes them once the lease runs out', async () => {
    const db = pgl.db
    const { outbox, table } = await freshOutbox(db)
    await enqueueAll(outbox, tracks(40))
    // A sender claims every row, then is never heard from again (no send, no renewal, no cleanup).
    const sql = right(outboxSql(table))
    const claimed = right(await runQuery(db, 'claim', sql.claim, ['dead-sender#1', 1500, 2000, false, null]))
    expect(claimed).toHaveLength(40)
    const survivor = createOutboxSender(config(), db, { table })
    expect(await drained(survivor)).toMatchObject({ delivered: 0, attempts: 0 })
    expect((await rowsOf(db, table)).every((r) => r['leased'] === true && r['locked_by'] === 'dead-sender#1')).toBe(true)
    let delivered = 0
    for (let i = 0; i < 100 && delivered === 0; i++) {
      await sleep(100)
      delivered = (await drained(survivor)).delivered
    }
    expect(delivered).toBe(40)
    expect(storedIds()).toStrictEqual(idsUpTo(40))
    expect(await rowsOf(db, table)).toStrictEqual([])
  })

  it('a live sender keeps its rows past the lease by renewing it: nobody else sends them meanwhile', async () => {
    const db = pgl.db
    const { outbox, table } = await freshOutbox(db)
    await enqueueAll(outbox, tracks(10))
    const transport = scriptedSender(undefined, 2500)
    const slow = createOutboxSender(config(), db, { table, leaseMs: 600, send: transport.send })
    const other = createOutboxSender(config(), db, { table, leaseMs: 600, send: transport.send })
    const running = slow.drain()()
    // Ten tries of the other sender during the slow one's single 2.5 s call, well past the 600 ms lease.
    const others: DrainReport[] = []
    for (let i = 0; i < 10; i++) {
      await sleep(200)
      others.push(await drained(other))
    }
    expect(right(await running)).toMatchObject({ delivered: 10 })
    expect(others.every((r) => r.attempts === 0)).toBe(true)
    expect(transport.calls).toHaveLength(1)
    expect(transport.overlaps).toStrictEqual([])
  })

  it('two senders draining the same table at once never hold the same row, and each row goes out once', async () => {
    const db = pgl.db
    const { outbox, table } = await freshOutbox(db)
    await enqueueAll(outbox, [{ endpoint: '/track', auth: 'token', records: tracks(3000).flatMap((r) => r.records) }])
    const transport = scriptedSender(undefined, 5)
    const options = { table, batchSize: 100, concurrency: 4, send: transport.send }
    const [a, b] = await Promise.all([drained(createOutboxSender(config(), db, options)), drained(createOutboxSender(config(), db, options))])
    expect(transport.overlaps).toStrictEqual([])
    const sent = transport.calls.flatMap((c) => c.keys)
    expect(sent).toHaveLength(3000)
    expect(new Set(sent).size).toBe(3000)
    expect(a.delivered + b.delivered).toBe(3000)
    // Both took part (the first full claim widens each sender to 4 lanes).
    expect(a.delivered).toBeGreaterThan(0)
    expect(b.delivered).toBeGreaterThan(0)
  })

  it('a re-delivery is invisible in Mixpanel’s data: $insert_id deduplicates the event stored before the failure', async () => {
    const db = pgl.db
    const { outbox, table } = await freshOutbox(db)
    await enqueueAll(outbox, tracks(3))
    // Mixpanel stores the batch, then the connection drops before the answer: the sender must assume the worst.
    emu.faults.next(1, { kind: 'reset', when: 'after' })
    const sender = createOutboxSender(config(), db, { table, backoffMs: 0, maxBackoffMs: 0 })
    expect(await drained(sender)).toMatchObject({ delivered: 0, rescheduled: 3 })
    expect(await drained(sender)).toMatchObject({ delivered: 3 })
    expect(emu.requests().filter((r) => r.path === '/track')).toHaveLength(2)
    expect(storedIds()).toStrictEqual(idsUpTo(3))
    expect(emu.stats()).toMatchObject({ eventsStored: 3, duplicates: 3 })
  })

  it('a re-delivered /engage $add is applied twice: profile operations are not idempotent', async () => {
    const db = pgl.db
    const { outbox, table } = await freshOutbox(db)
    await enqueueAll(outbox, [right(buildPeopleIncrementPayload({ token, distinctId: 'ada', properties: { purchases: 1 } }))])
    emu.faults.next(1, { kind: 'reset', when: 'after' })
    const sender = createOutboxSender(config(), db, { table, backoffMs: 0, maxBackoffMs: 0 })
    await drained(sender)
    await drained(sender)
    expect(emu.profile('ada')).toMatchObject({ purchases: 2 })
  })

  it('an alias reaches Mixpanel before anything enqueued after it, even when its first send fails and two senders run', async () => {
    const db = pgl.db
    const { outbox, table } = await freshOutbox(db)
    await enqueueAll(outbox, [
      track(1),
      right(buildAliasPayload({ token, aliasId: 'user-42', original: 'anon-42' })),
      right(buildPeopleSetPayload({ token, distinctId: 'user-42', properties: { plan: 'pro' } })),
      track(2),
      track(3),
    ])
    let aliasTries = 0
    const transport = scriptedSender((call) => (call.keys.includes('$create_alias') && aliasTries++ === 0 ? networkError('/track', 1, 'ECONNRESET') : undefined))
    const options = { table, concurrency: 4, backoffMs: 0, maxBackoffMs: 0, send: transport.send }
    const a = createOutboxSender(config(), db, options)
    const b = createOutboxSender(config(), db, options)
    const first = await Promise.all([drained(a), drained(b)])
    // The alias failed; what was enqueued after it was not even tried.
    expect(first.reduce((n, r) => n + r.rescheduled, 0)).toBe(2)
    expect(transport.calls.flatMap((c) => c.keys)).toStrictEqual(['ins-1', '$create_alias'])
    expect((await rowsOf(db, table)).map((r) => r['attempts'])).toStrictEqual([1, 1, 0, 0, 0])
    for (let round = 0; round < 5 && (await rowsOf(db, table)).length > 0; round++) await Promise.all([drained(a), drained(b)])
    const aliasDone = transport.calls.findIndex((c) => c.ok === true && c.keys.includes('$create_alias'))
    const firstAfter = transport.calls.findIndex((c) => c.keys.some((k) => k === 'user-42' || k === 'ins-2' || k === 'ins-3'))
    expect(aliasDone).toBeGreaterThan(-1)
    expect(firstAfter).toBeGreaterThan(aliasDone)
    expect(await rowsOf(db, table)).toStrictEqual([])
  })

  it('with one sender and one lane, requests go out in enqueue order', async () => {
    const db = pgl.db
    const { outbox, table } = await freshOutbox(db)
    await enqueueAll(outbox, tracks(25))
    const transport = scriptedSender()
    await drained(createOutboxSender(config(), db, { table, batchSize: 4, concurrency: 1, send: transport.send }))
    expect(transport.calls.flatMap((c) => c.keys)).toStrictEqual(Array.from({ length: 25 }, (_, n) => `ins-${n}`))
  })
})
