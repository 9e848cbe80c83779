import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { outboxSql } from './outboxSql.ts'

describe('outboxSql', () => {
  it('names the tables, quoted, with an optional schema', () => {
    const plain = outboxSql()
    expect(E.isRight(plain) && [plain.right.table, plain.right.deadTable]).toStrictEqual(['mp_outbox', 'mp_outbox_dead'])
    expect(E.isRight(plain) && plain.right.remove).toBe(`DELETE FROM "mp_outbox" WHERE id = ANY(string_to_array($1::text, ',')::bigint[])`)
    const qualified = outboxSql('shop.events_out')
    expect(E.isRight(qualified) && qualified.right.deadTable).toBe('shop.events_out_dead')
    expect(E.isRight(qualified) && qualified.right.migrate).toContain('CREATE TABLE IF NOT EXISTS "shop"."events_out_dead"')
  })

  it('refuses anything but a plain lower-case identifier, so nothing can be injected', () => {
    for (const name of ['x; DROP TABLE users', 'Outbox', '"mp"', 'a.b.c', '1abc', '', 'a'.repeat(54), null, 7]) {
      expect(outboxSql(name), String(name)).toMatchObject(E.left({ _tag: 'ConfigError', field: 'table' }))
    }
    expect(E.isRight(outboxSql('a'.repeat(53)))).toBe(true)
  })
})
