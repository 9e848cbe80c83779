import { describe, expect, it } from 'vitest'
import { randomInsertId, resolveEnv } from './env.ts'

describe('env', () => {
  it('makes 32 lowercase hex insert ids, fresh each time', () => {
    const a = randomInsertId()
    expect(a).toMatch(/^[0-9a-f]{32}$/)
    expect(randomInsertId()).not.toBe(a)
  })

  it('uses the given clock and id source', () => {
    const env = resolveEnv({ now: () => 1_000_100, insertId: () => 'abc123' })
    expect([env.now(), env.insertId()]).toEqual([1_000_100, 'abc123'])
    expect(resolveEnv().now).toBe(Date.now)
  })
})
