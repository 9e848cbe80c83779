import { either as E, type taskEither as TE } from 'fp-ts'
import { configError, type MixpanelError } from '@mp/core'
import { encodeRequest } from './encodeRequest.ts'
import { outboxSql, type OutboxSql } from './outboxSql.ts'
import { runQuery } from './runQuery.ts'
import { sqlClientProblem } from './sqlClientProblem.ts'
import type { Outbox, OutboxOptions, SqlClient } from './types.ts'

// A task that answers `error`; written out, as `TE.left` would bring fp-ts's Task instances along.
const failing =
  <A>(error: MixpanelError): TE.TaskEither<MixpanelError, A> =>
  async () =>
    E.left(error)

const setUp = (db: unknown, options: OutboxOptions | undefined): E.Either<MixpanelError, OutboxSql> => {
  const problem = sqlClientProblem(db, 'db')
  if (problem !== undefined) return E.left(problem)
  try {
    return outboxSql(options?.table)
  } catch {
    // Only a hostile options object (a throwing getter, a revoked Proxy) gets here.
    return E.left(configError('table', 'the outbox options could not be read'))
  }
}

/**
 * The write side of the transactional outbox on Postgres: `migrate()` creates its tables,
 * `enqueue(request, { db: tx })` writes a request's records in your own transaction, so the event
 * exists exactly when the business change it belongs to was committed. Senders on any number of
 * machines deliver the rows (`createOutboxSender`). `db` is a `pg` Pool or Client or a PGlite
 * instance; a bad `db` or table name makes every call answer the same `ConfigError`.
 * @example
 * import { createOutbox } from '@mp/outbox'
 * const outbox = createOutbox(pool)                     // table mp_outbox
 * await outbox.migrate()()
 * const tx = await pool.connect()
 * await tx.query('BEGIN')
 * await tx.query('INSERT INTO purchases (id, user_id) VALUES ($1, $2)', [id, userId])
 * const queued = await outbox.enqueue(trackRequest, { db: tx })()   // Right({ records: 1 })
 * await tx.query(E.isRight(queued) ? 'COMMIT' : 'ROLLBACK')
 * tx.release()
 */
export const createOutbox = (db: SqlClient, options?: OutboxOptions): Outbox => {
  const sql = setUp(db, options)
  if (E.isLeft(sql)) return { migrate: () => failing(sql.left), enqueue: () => failing(sql.left) }
  const { migrate, insert, insertOne } = sql.right
  return {
    migrate: () => async () => {
      const done = await runQuery(db, 'migrate', migrate)
      return E.isLeft(done) ? done : E.right(undefined)
    },
    enqueue: (request, enqueueOptions) => {
      // Checked now, when the task is made, like `send` does: a caller mutating the request later changes nothing.
      const encoded = encodeRequest(request)
      let target: unknown
      try {
        target = enqueueOptions?.db ?? db
      } catch {
        // A hostile options object: refused below like any other non-client.
      }
      return async () => {
        if (E.isLeft(encoded)) return encoded
        const problem = sqlClientProblem(target, 'db')
        if (problem !== undefined) return E.left(problem)
        const { endpoint, auth, texts, alias } = encoded.right
        const records = texts.length
        if (records === 0) return E.right({ records })
        const [statement, json] = records === 1 ? [insertOne, texts[0]] : [insert, `[${texts.join(',')}]`]
        const written = await runQuery(target as SqlClient, 'enqueue', statement, [endpoint, auth, json, alias])
        return E.isLeft(written) ? written : E.right({ records })
      }
    },
  }
}
