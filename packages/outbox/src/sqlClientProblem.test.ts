import { describe, expect, it } from 'vitest'
import { sqlClientProblem } from './sqlClientProblem.ts'

describe('sqlClientProblem', () => {
  it('accepts anything with a query method', () => {
    expect(sqlClientProblem({ query: async () => ({ rows: [] }) }, 'db')).toBeUndefined()
  })

  it('refuses the rest, hostile objects included, naming the field', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('trap') } })
    for (const db of [undefined, null, 'postgres://u:p@h/d', 42, {}, { query: 'x' }, hostile]) {
      expect(sqlClientProblem(db, 'db')).toMatchObject({ _tag: 'ConfigError', field: 'db' })
    }
  })
})
