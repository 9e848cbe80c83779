import { PGlite, type Transaction } from '@electric-sql/pglite'
import { either as E } from 'fp-ts'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest'
import type { MixpanelRequest } from '@mp/core'
import { buildTrackPayload } from '@mp/events'
import { buildAliasPayload } from '@mp/identity'
import { createOutbox } from './createOutbox.ts'
import { freshOutbox, pglitePerFile, right, rowsOf } from './test-db.ts'
import type { SqlClient } from './types.ts'

const pgl = pglitePerFile({ beforeAll, afterAll })
const token = 'outbox-token'

const track = (n: number): MixpanelRequest => right(buildTrackPayload({ token, distinctId: `u${n}`, event: 'Purchase', properties: { n } }, { insertId: () => `ins-${n}`, now: () => 1_700_000_000_000 }))

describe('createOutbox: migrate', () => {
  it('creates the outbox and dead-letter tables, and is idempotent, also when run concurrently', async () => {
    const db = pgl.db
    const outbox = createOutbox(db, { table: 'mp_outbox_migrate' })
    expect(await outbox.migrate()()).toStrictEqual(E.right(undefined))
    const again = await Promise.all([outbox.migrate()(), outbox.migrate()(), outbox.migrate()()])
    expect(again).toStrictEqual([E.right(undefined), E.right(undefined), E.right(undefined)])
    const tables = await db.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_name LIKE 'mp_outbox_migrate%' ORDER BY 1`)
    expect(tables.rows.map((r) => r.name)).toStrictEqual(['mp_outbox_migrate', 'mp_outbox_migrate_dead'])
    const columns = await db.query<{ name: string }>(`SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'mp_outbox_migrate' ORDER BY ordinal_position`)
    expect(columns.rows.map((r) => r.name)).toStrictEqual(['id', 'endpoint', 'auth', 'record', 'alias', 'enqueued_at', 'due_at', 'attempts', 'locked_until', 'locked_by', 'last_error'])
  })

  it('takes a schema-qualified table name', async () => {
    const db = pgl.db
    await db.query('CREATE SCHEMA IF NOT EXISTS analytics')
    const outbox = createOutbox(db, { table: 'analytics.events_out' })
    right(await outbox.migrate()())
    expect(right(await outbox.enqueue(track(1))())).toStrictEqual({ records: 1 })
    expect((await db.query('SELECT count(*)::int AS n FROM analytics.events_out')).rows).toStrictEqual([{ n: 1 }])
  })
})

describe('createOutbox: enqueue', () => {
  it('writes one row per record, in order, with the record’s JSON text exactly as sent (key order kept)', async () => {
    const db = pgl.db
    const { outbox, table } = await freshOutbox(db)
    const records = [{ b: 1, a: { z: 'é', y: 0.30000000000000004 } }, { event: 'x', properties: { token } }, {}]
    expect(right(await outbox.enqueue({ endpoint: '/engage', auth: 'token', records })())).toStrictEqual({ records: 3 })
    expect(right(await outbox.enqueue(track(2))())).toStrictEqual({ records: 1 })
    const rows = await rowsOf(db, table)
    expect(rows.map((r) => [r['endpoint'], r['auth'], r['record'], r['alias'], r['attempts'], r['locked_by']])).toStrictEqual([
      ['/engage', 'token', JSON.stringify(records[0]), false, 0, null],
      ['/engage', 'token', JSON.stringify(records[1]), false, 0, null],
      ['/engage', 'token', '{}', false, 0, null],
      ['/track', 'token', JSON.stringify(track(2).records[0]), false, 0, null],
    ])
    expect(rows.map((r) => r['id'])).toStrictEqual([...rows.map((r) => r['id'])].sort((a, b) => Number(a) - Number(b)))
  })

  it('writes in the caller’s transaction: committed rows exist, rolled-back rows never do', async () => {
    const db = pgl.db
    const { outbox, table } = await freshOutbox(db)
    await db.query('CREATE TABLE IF NOT EXISTS purchases (id text PRIMARY KEY)')
    await db.transaction(async (tx: Transaction) => {
      await tx.query('INSERT INTO purchases (id) VALUES ($1)', ['p-commit'])
      right(await outbox.enqueue(track(10), { db: tx })())
    })
    await db
      .transaction(async (tx: Transaction) => {
        await tx.query('INSERT INTO purchases (id) VALUES ($1)', ['p-rollback'])
        right(await outbox.enqueue(track(11), { db: tx })())
        throw new Error('payment declined')
      })
      .catch(() => undefined)
    expect((await rowsOf(db, table)).map((r) => JSON.parse(String(r['record'])).properties.$insert_id)).toStrictEqual(['ins-10'])
    expect((await db.query('SELECT id FROM purchases ORDER BY id')).rows).toStrictEqual([{ id: 'p-commit' }])
  })

  it('marks a $create_alias request’s rows, which later rows wait for', async () => {
    const db = pgl.db
    const { outbox, table } = await freshOutbox(db)
    right(await outbox.enqueue(right(buildAliasPayload({ token, aliasId: 'user-1', original: 'anon-1' })))())
    right(await outbox.enqueue(track(3))())
    expect((await rowsOf(db, table)).map((r) => r['alias'])).toStrictEqual([true, false])
  })

  it('refuses what send would refuse, and a record over 1 MB, writing nothing', async () => {
    const db = pgl.db
    const { outbox, table } = await freshOutbox(db)
    const cyclic: Record<string, unknown> = {}
    cyclic['self'] = cyclic
    const bad: ReadonlyArray<[unknown, string]> = [
      [null, 'request'],
      [{ endpoint: '/nope', auth: 'token', records: [{}] }, 'request.endpoint'],
      [{ endpoint: '/track', auth: 'x', records: [{}] }, 'request.auth'],
      [{ endpoint: '/track', auth: 'token', records: [{}, 3] }, 'request.records[1]'],
      [{ endpoint: '/track', auth: 'token', records: [{ event: 'big', properties: { blob: 'a'.repeat(1_000_001) } }] }, 'request.records[0]'],
      [{ endpoint: '/track', auth: 'token', records: [{}, cyclic] }, 'request'],
      [{ endpoint: '/track', auth: 'token', records: [{ n: 1n }] }, 'request'],
    ]
    for (const [request, path] of bad) {
      const result = await outbox.enqueue(request as MixpanelRequest)()
      expect(result, path).toMatchObject(E.left({ _tag: 'ValidationError', path }))
    }
    expect(await rowsOf(db, table)).toStrictEqual([])
    expect(await outbox.enqueue({ endpoint: '/track', auth: 'token', records: [] })()).toStrictEqual(E.right({ records: 0 }))
  })

  it('checks the request when the task is made: changing it afterwards changes nothing', async () => {
    const db = pgl.db
    const { outbox, table } = await freshOutbox(db)
    const records = [{ event: 'before' }]
    const task = outbox.enqueue({ endpoint: '/track', auth: 'token', records })
    records[0] = { event: 'after' }
    right(await task())
    expect((await rowsOf(db, table)).map((r) => r['record'])).toStrictEqual(['{"event":"before"}'])
  })
})

describe('createOutbox: failures are values', () => {
  it('a database failure is a DatabaseError with the SQLSTATE, never a rejection', async () => {
    const outbox = createOutbox(pgl.db, { table: 'mp_outbox_never_migrated' })
    expect(await outbox.enqueue(track(1))()).toMatchObject(E.left({ _tag: 'DatabaseError', operation: 'enqueue', code: '42P01' }))
    const closed = await PGlite.create()
    await closed.close()
    const gone = createOutbox(closed)
    expect(await gone.migrate()()).toMatchObject(E.left({ _tag: 'DatabaseError', operation: 'migrate' }))
  })

  it('a driver that throws, or answers without rows, is a DatabaseError too', async () => {
    const throwing: SqlClient = {
      query: () => {
        throw new Error('not connected')
      },
    }
    const odd = { query: async () => ({}) } as unknown as SqlClient
    expect(await createOutbox(throwing).migrate()()).toMatchObject(E.left({ _tag: 'DatabaseError', message: 'The database failed during migrate: not connected' }))
    expect(await createOutbox(odd).enqueue(track(1))()).toMatchObject(E.left({ _tag: 'DatabaseError', operation: 'enqueue' }))
  })

  it('a bad table name or a db that is not a client is a ConfigError for every call, and nothing runs', async () => {
    let ran = 0
    const counting: SqlClient = { query: async () => (ran++, { rows: [] }) }
    for (const table of ['Robert"; DROP TABLE students; --', 'MixedCase', 'a.b.c', '', 'x'.repeat(60), 42]) {
      const outbox = createOutbox(counting, { table } as { table: string })
      expect(await outbox.migrate()(), String(table)).toMatchObject(E.left({ _tag: 'ConfigError', field: 'table' }))
      expect(await outbox.enqueue(track(1))()).toMatchObject(E.left({ _tag: 'ConfigError', field: 'table' }))
    }
    for (const db of [undefined, null, 'postgres://app:pw@db/shop', {}, { query: 'SELECT 1' }]) {
      expect(await createOutbox(db as unknown as SqlClient).migrate()()).toMatchObject(E.left({ _tag: 'ConfigError', field: 'db' }))
    }
    const hostile = new Proxy({}, { get: () => { throw new Error('trap') } })
    expect(await createOutbox(counting, hostile).migrate()()).toMatchObject(E.left({ _tag: 'ConfigError', field: 'table' }))
    expect(await createOutbox(counting).enqueue(track(1), { db: 'nope' as unknown as SqlClient })()).toMatchObject(E.left({ _tag: 'ConfigError', field: 'db' }))
    expect(await createOutbox(counting).enqueue(track(1), hostile)()).toMatchObject(E.left({ _tag: 'ConfigError', field: 'db' }))
    expect(ran).toBe(0)
  })
})

describe('createOutbox: drivers', () => {
  // Checked by `pnpm typecheck` (pg itself is loaded only by the scripts that run a real server:
  // under vitest's `import` condition, pg's require of pg-pool gets the ESM build and fails).
  it('takes pg’s Pool, Client and PoolClient and PGlite’s instance and transaction as they are (types)', () => {
    expectTypeOf<pg.Pool>().toExtend<SqlClient>()
    expectTypeOf<pg.Client>().toExtend<SqlClient>()
    expectTypeOf<pg.PoolClient>().toExtend<SqlClient>()
    expectTypeOf<PGlite>().toExtend<SqlClient>()
    expectTypeOf<Transaction>().toExtend<SqlClient>()
    expectTypeOf<{ query: (text: string) => Promise<{ rowCount: number }> }>().not.toExtend<SqlClient>()
  })
})
