import { describe, expect, it } from 'vitest'
import { randomInsertId, resolveEnv } from './env.ts'

describe('env', () => {
  it('makes 32 lowercase hex insert ids, fresh each time', () => {
    const a = randomInsertId()
    expect(a).toMatch(/^[0-9a-f]{32}$/)
    expect(randomInsertId()).not.toBe(a)
  })

  it('makes random version 4 UUIDs without dashes, all different', () => {
    const ids = Array.from({ length: 5000 }, randomInsertId)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{15}$/)
    // Every hex digit turns up in every free position: the bytes are random, not a constant.
    for (const position of [0, 11, 13, 17, 31]) expect(new Set(ids.map((id) => id[position])).size).toBe(16)
  })

  it('uses the given clock and id source', () => {
    const env = resolveEnv({ now: () => 1_000_100, insertId: () => 'abc123' })
    expect([env.now(), env.insertId()]).toEqual([1_000_100, 'abc123'])
    expect(resolveEnv().now).toBe(Date.now)
  })
})
