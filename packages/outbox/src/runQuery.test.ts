import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { runQuery } from './runQuery.ts'

describe('runQuery', () => {
  it('answers the rows, passing a copy of the parameters', async () => {
    const params = [1, 'a']
    let seen: unknown
    const db = { query: async (_text: string, given?: ReadonlyArray<unknown>) => ((seen = given), { rows: [{ one: 1 }] }) }
    expect(await runQuery(db, 'claim', 'SELECT 1', params)).toStrictEqual(E.right([{ one: 1 }]))
    expect(seen).toStrictEqual(params)
    expect(seen).not.toBe(params)
  })

  it('turns a rejection, a throw or an answer without rows into a DatabaseError, never a rejection', async () => {
    const rejecting = { query: async () => Promise.reject(Object.assign(new Error('deadlock detected'), { code: '40P01' })) }
    const throwing = {
      query: (): Promise<{ rows: [] }> => {
        throw new TypeError('Client was closed and is not queryable')
      },
    }
    const rowless = { query: async () => ({ rowCount: 1 }) } as never
    expect(await runQuery(rejecting, 'claim', 'x')).toStrictEqual(
      E.left({ _tag: 'DatabaseError', operation: 'claim', code: '40P01', message: 'The database failed during claim: deadlock detected (code 40P01)' }),
    )
    expect(await runQuery(throwing, 'delete', 'x')).toMatchObject(E.left({ _tag: 'DatabaseError', operation: 'delete', message: 'The database failed during delete: Client was closed and is not queryable' }))
    expect(await runQuery(rowless, 'enqueue', 'x')).toMatchObject(E.left({ _tag: 'DatabaseError', operation: 'enqueue' }))
  })
})
