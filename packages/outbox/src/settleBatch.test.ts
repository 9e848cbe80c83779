import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { apiRejected, httpError, rateLimited, recordsRejected, timeoutError } from '@mp/core'
import { settleBatch } from './settleBatch.ts'

const ids = ['11', '12', '13', '14']

describe('settleBatch', () => {
  it('delivers every row Mixpanel acknowledged', () => {
    expect(settleBatch('/track', ids, E.right({ endpoint: '/track', records: 4, attempts: 2 }))).toStrictEqual({
      delivered: ids,
      rescheduled: [],
      deadLettered: [],
      attempts: 2,
      error: undefined,
    })
  })

  it('reschedules a transient failure', () => {
    for (const error of [timeoutError('/track', 10, 5), rateLimited('/track', 5), httpError('/track', 503, '', 5)]) {
      expect(settleBatch('/track', ids, E.left(error))).toStrictEqual({ delivered: [], rescheduled: ids, deadLettered: [], attempts: 5, error })
    }
  })

  it('dead-letters the whole batch for a permanent failure', () => {
    const error = apiRejected('/track', 'token, missing or empty')
    expect(settleBatch('/track', ids, E.left(error))).toStrictEqual({ delivered: [], rescheduled: [], deadLettered: ids.map((id) => [id, error]), attempts: 1, error })
  })

  it('for RecordsRejected, dead-letters exactly the refused rows, each with its own failure, and delivers the rest', () => {
    const failures = [
      { index: 1, field: 'properties.time', message: 'too late' },
      { index: 3, insertId: 'x', field: '$insert_id', message: 'bad id' },
      { index: 9, field: 'ghost', message: 'out of range' },
    ]
    const error = recordsRejected('/import', failures, 2)
    const settled = settleBatch('/import', ids, E.left(error))
    expect(settled.delivered).toStrictEqual(['11', '13'])
    expect(settled.deadLettered).toStrictEqual([
      ['12', recordsRejected('/import', [failures[0] as (typeof failures)[number]], 2)],
      ['14', recordsRejected('/import', [failures[1] as (typeof failures)[number]], 2)],
    ])
    expect(settled.rescheduled).toStrictEqual([])
    expect(settled.error).toBe(error)
  })
})
