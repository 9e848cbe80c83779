import { PGlite } from '@electric-sql/pglite'
import { either as E } from 'fp-ts'
import type { SuiteHooks } from '@mp/emulator'
import { createOutbox } from './createOutbox.ts'
import type { Outbox } from './types.ts'

/** One in-process PGlite for a whole test file (it takes seconds to start); read `.db` inside tests. */
export const pglitePerFile = (hooks: Pick<SuiteHooks, 'beforeAll' | 'afterAll'>): { db: PGlite } => {
  const holder = {} as { db: PGlite }
  hooks.beforeAll(async () => {
    holder.db = await PGlite.create()
  })
  hooks.afterAll(async () => {
    await holder.db.close()
  })
  return holder
}

let tables = 0

/** A migrated outbox on a table no other test uses, so tests share one database without seeing each other. */
export const freshOutbox = async (db: PGlite): Promise<{ readonly outbox: Outbox; readonly table: string }> => {
  const table = `mp_outbox_t${++tables}_${process.pid}`
  const outbox = createOutbox(db, { table })
  const migrated = await outbox.migrate()()
  if (E.isLeft(migrated)) throw new Error(migrated.left.message)
  return { outbox, table }
}

/** A table's rows, in id order, with the columns tests look at. */
export const rowsOf = async (db: PGlite, table: string): Promise<Array<Record<string, unknown>>> =>
  (await db.query<Record<string, unknown>>(`SELECT id::int AS id, endpoint, auth, record::text AS record, alias, attempts, locked_by, locked_until > now() AS leased, due_at > now() AS waiting, last_error FROM "${table}" ORDER BY id`)).rows

/** The dead-letter table's rows, in id order. */
export const deadOf = async (db: PGlite, table: string): Promise<Array<Record<string, unknown>>> =>
  (await db.query<Record<string, unknown>>(`SELECT id::int AS id, endpoint, record::text AS record, attempts, error FROM "${table}_dead" ORDER BY id`)).rows

/** Unwraps a Right or fails the test with the Left's message. */
export const right = <A>(x: E.Either<{ readonly message: string }, A>): A => {
  if (E.isLeft(x)) throw new Error(`unexpected Left: ${x.left.message}`)
  return x.right
}
