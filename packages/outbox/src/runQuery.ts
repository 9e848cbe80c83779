import { either as E } from 'fp-ts'
import { databaseError, type DatabaseError } from '@mp/core'
import type { SqlClient } from './types.ts'

/** The rows a statement answered. */
export type Rows = ReadonlyArray<Record<string, unknown>>

/**
 * Runs one statement: the only place where the outbox meets a driver, so the only place where a
 * rejected promise (or a driver that throws, or answers something without `rows`) becomes a value,
 * a `DatabaseError` for `operation`. Never rejects.
 * @example
 * const rows = await runQuery(pool, 'claim', 'SELECT 1 AS one')  // Right([{ one: 1 }])
 */
export const runQuery = async (db: SqlClient, operation: string, text: string, params: ReadonlyArray<unknown> = []): Promise<E.Either<DatabaseError, Rows>> => {
  try {
    // A fresh array: drivers may keep or mutate what they are given.
    const result = await db.query(text, [...params])
    const rows: unknown = result?.rows
    return Array.isArray(rows) ? E.right(rows as Rows) : E.left(databaseError(operation, 'the driver answered without rows (is this a pg or PGlite client?)'))
  } catch (cause) {
    return E.left(databaseError(operation, cause))
  }
}
