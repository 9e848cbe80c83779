// mp: the transactional outbox. Phase 1 (enqueue): every event is built with `buildTrackPayload`
// and written with `outbox.enqueue`, one autocommitted insert per event, 8 in flight (what a server
// handling requests in parallel does; PGlite, one connection, serialises them). Phase 2 (deliver): one
// sender `drain()`s the table to the sink with its defaults (claims of 2000 rows, 4 in flight).
// `db: 'pglite'`: PGlite in memory, in this process (its CPU counts). `db: 'server'`: a PostgreSQL
// server at `url` (its CPU does not count), through a pg Pool of 8 connections, on a fresh table.
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { buildTrackPayload } from '@mp/events'
import { createOutbox, createOutboxSender } from '@mp/outbox'
import { measure, params } from '../measure.mjs'
import { makeEvents, TOKEN } from '../workload.mjs'

const { n, port, db: kind, url } = params()
const IN_FLIGHT = 8
const table = `bench_outbox_${process.pid}`

const open = async () => {
  if (kind === 'pglite') {
    const db = await PGlite.create()
    return { db, close: () => db.close() }
  }
  const pool = new pg.Pool({ connectionString: url, max: IN_FLIGHT })
  return { db: pool, close: async () => (await pool.query(`DROP TABLE IF EXISTS "${table}", "${table}_dead"`), await pool.end()) }
}

const { db, close } = await open()
const outbox = createOutbox(db, { table })
const migrated = await outbox.migrate()()
if (migrated._tag === 'Left') throw new Error(migrated.left.message)

await measure(
  () => makeEvents(n),
  async (events) => {
    let errors = 0
    let note
    const t0 = performance.now()
    let next = 0
    const lane = async () => {
      while (next < events.length) {
        const { event, distinctId, properties } = events[next++]
        const built = buildTrackPayload({ token: TOKEN, distinctId, event, properties })
        const queued = built._tag === 'Left' ? built : await outbox.enqueue(built.right)()
        if (queued._tag === 'Left') {
          errors++
          note ??= queued.left.message
        }
      }
    }
    await Promise.all(Array.from({ length: IN_FLIGHT }, lane))
    const enqueueMs = performance.now() - t0
    const sender = createOutboxSender({ token: TOKEN, host: `http://127.0.0.1:${port}` }, db, { table })
    const report = await sender.drain()()
    const deliverMs = performance.now() - t0 - enqueueMs
    await close()
    if (report._tag === 'Left') return { delivered: 0, errors: errors + 1, note: report.left.message }
    return { delivered: report.right.delivered, errors: errors + report.right.failed, note, enqueueMs, deliverMs }
  },
)
