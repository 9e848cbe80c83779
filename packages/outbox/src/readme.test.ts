import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest'
import { emulatorPerFile } from '@mp/emulator'
import { createOutboxSender } from './createOutboxSender.ts'
import { pglitePerFile } from './test-db.ts'
import type { SqlClient } from './types.ts'

// ---- README example, verbatim except that the pool and the token come in as arguments ----
import { either as E } from 'fp-ts'
import { buildTrackPayload } from '@mp/events'
import { createOutbox } from '@mp/outbox'

type Pool = SqlClient & { connect(): Promise<SqlClient & { release(): void }> }

const example = (pool: Pool, token: string) => {
  const outbox = createOutbox(pool) // table mp_outbox; run `await outbox.migrate()()` once, at deploy

  async function checkout(userId: string, orderId: string, amount: number): Promise<void> {
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      await client.query('INSERT INTO orders (id, user_id, amount) VALUES ($1, $2, $3)', [orderId, userId, amount])
      const event = buildTrackPayload({ token, distinctId: userId, event: 'Purchase', properties: { orderId, amount } })
      const queued = E.isLeft(event) ? event : await outbox.enqueue(event.right, { db: client })()
      if (E.isLeft(queued)) throw new Error(queued.left.message) // no event, no order
      await client.query('COMMIT') // the order and its event, or neither
    } catch (error) {
      await client.query('ROLLBACK')
      throw error
    } finally {
      client.release()
    }
  }
  return { outbox, checkout }
}
// ---- end of README example ----

const pgl = pglitePerFile({ beforeAll, afterAll })
const emu = emulatorPerFile({ beforeAll, afterAll, beforeEach })

it('the README’s checkout commits an order and its event together, or neither', async () => {
  // PGlite has one connection: `connect()` hands out that one, as a pool of one would.
  const db = pgl.db
  const query: SqlClient['query'] = (text, params) => db.query(text, params ? [...params] : [])
  const pool: Pool = { query, connect: async () => ({ query, release: () => {} }) }
  await db.query('CREATE TABLE orders (id text PRIMARY KEY, user_id text NOT NULL, amount numeric NOT NULL)')
  const { outbox, checkout } = example(pool, 'readme-token')
  expect(await outbox.migrate()()).toStrictEqual(E.right(undefined))
  await checkout('user_1', 'order-1', 42)
  // The same order id again: the INSERT fails, the transaction rolls back, and no event is left behind.
  await expect(checkout('user_1', 'order-1', 42)).rejects.toThrow(/duplicate key/)
  await expect(checkout('', 'order-2', 1)).rejects.toThrow(/distinctId/)
  expect((await db.query('SELECT id FROM orders')).rows).toStrictEqual([{ id: 'order-1' }])

  const report = await createOutboxSender({ token: 'readme-token', host: emu.url }, pool).drain()()
  expect(report).toMatchObject(E.right({ delivered: 1, failed: 0 }))
  expect(emu.events().map((e) => [e.event, e.distinctId, e.properties['orderId']])).toStrictEqual([['Purchase', 'user_1', 'order-1']])
})
