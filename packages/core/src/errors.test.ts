import { describe, expect, it } from 'vitest'
import { databaseError, httpError, recordsRejected } from './errors.ts'

describe('errors', () => {
  it('give a human message', () => {
    expect(httpError('/track', 502, '', 5).message).toBe('Mixpanel answered HTTP 502 for /track (5 attempts)')
    expect(recordsRejected('/import', [{ index: 7, field: 'properties.time', message: 'must not be in the future' }], 3).message).toBe(
      'Mixpanel rejected 1 record(s) sent to /import and imported 3; first: record 7, properties.time: must not be in the future',
    )
  })
})

describe('databaseError', () => {
  const thrown = (message: string, extra: Record<string, unknown> = {}): Error => Object.assign(new Error(message), extra)

  it('keeps the driver’s message and its SQLSTATE or system code', () => {
    expect(databaseError('claim', thrown('deadlock detected', { code: '40P01' }))).toStrictEqual({
      _tag: 'DatabaseError',
      operation: 'claim',
      code: '40P01',
      message: 'The database failed during claim: deadlock detected (code 40P01)',
    })
    expect(databaseError('enqueue', thrown('connect ECONNREFUSED 127.0.0.1:5432', { code: 'ECONNREFUSED' })).code).toBe('ECONNREFUSED')
    expect(databaseError('migrate', 'relation "x" does not exist')).toStrictEqual({
      _tag: 'DatabaseError',
      operation: 'migrate',
      message: 'The database failed during migrate: relation "x" does not exist',
    })
  })

  it('never carries the password of a connection string, in URL, keyword or JSON form', () => {
    const secret = 'pa55:w@rd'
    const messages = [
      `could not connect to postgres://app:${secret}@db.internal:5432/shop`,
      `could not connect to postgresql://app:hunter2@db.internal/shop?sslmode=require`,
      `invalid option in "host=db user=app password=hunter2 dbname=shop"`,
      `invalid option in "host=db password = 'it\\'s hunter2' dbname=shop"`,
      `invalid option in "host=db password='it''s hunter2' dbname=shop"`,
      `config {"user":"app","password":"hunter2"} refused`,
    ]
    for (const message of messages) {
      const error = databaseError('enqueue', thrown(message))
      expect(error.message).not.toMatch(/hunter2|pa55/)
      expect(JSON.stringify(error)).not.toMatch(/hunter2|pa55/)
    }
    expect(databaseError('enqueue', thrown(messages[0] ?? '')).message).toBe(
      'The database failed during enqueue: could not connect to postgres://app:***@db.internal:5432/shop',
    )
    expect(databaseError('enqueue', thrown(messages[2] ?? '')).message).toContain('user=app password=*** dbname=shop')
  })

  it('reads the inner errors of an AggregateError with an empty message (Node’s refused dual-stack connect)', () => {
    const cause = new AggregateError([thrown('connect ECONNREFUSED ::1:5432'), thrown('connect ECONNREFUSED 127.0.0.1:5432')], '')
    expect(databaseError('claim', Object.assign(cause, { code: 'ECONNREFUSED' })).message).toBe(
      'The database failed during claim: connect ECONNREFUSED ::1:5432; connect ECONNREFUSED 127.0.0.1:5432 (code ECONNREFUSED)',
    )
  })

  it('never throws for hostile causes, and ignores codes that are not codes', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('trap') } })
    expect(databaseError('claim', hostile)._tag).toBe('DatabaseError')
    expect(databaseError('claim', thrown('', {})).message).toBe('The database failed during claim: no detail given')
    expect(databaseError('claim', thrown('x', { code: 'drop table; --' }))).not.toHaveProperty('code')
  })
})
