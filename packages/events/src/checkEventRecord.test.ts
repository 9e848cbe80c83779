import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { checkEventRecord } from './checkEventRecord.ts'
import { leftOf, rightOf } from './test-either.ts'

const now = Date.UTC(2024, 0, 15)
const good = { token: 'T', distinct_id: 'u1', time: now / 1000 - 60, $insert_id: 'id-1' }

describe('checkEventRecord', () => {
  it('answers the record and its wire size when every rule holds', () => {
    const record = { event: 'signup', properties: good }
    expect(rightOf(checkEventRecord(record, '/import', now))).toEqual({ record, bytes: JSON.stringify(record).length })
  })

  it('requires time and $insert_id on /import only', () => {
    const { time: _time, $insert_id: _id, ...bare } = good
    expect(E.isRight(checkEventRecord({ event: 'e', properties: bare }, '/track', now))).toBe(true)
    expect(leftOf(checkEventRecord({ event: 'e', properties: { ...bare, $insert_id: 'x' } }, '/import', now))).toEqual({
      _tag: 'ValidationError',
      path: 'properties.time',
      message: 'Invalid properties.time: is required by /import: seconds since the epoch when the event happened',
    })
    expect(leftOf(checkEventRecord({ event: 'e', properties: { ...bare, time: now / 1000 } }, '/import', now)).path).toBe('properties.$insert_id')
  })

  it('applies the 5-day rule on /track and the 1971..now+1h window on /import', () => {
    const old = { event: 'e', properties: { ...good, time: now / 1000 - 10 * 86_400 } }
    expect(leftOf(checkEventRecord(old, '/track', now)).message).toContain('importData')
    expect(E.isRight(checkEventRecord(old, '/import', now))).toBe(true)
  })

  it('refuses a missing token, a bad distinct id and properties that are not an object', () => {
    const { token: _t, ...noToken } = good
    expect(leftOf(checkEventRecord({ event: 'e', properties: noToken }, '/track', now))).toEqual({
      _tag: 'ValidationError',
      path: 'properties.token',
      message: 'Invalid properties.token: must be your project token, a non-empty string',
    })
    expect(leftOf(checkEventRecord({ event: 'e', properties: { ...good, distinct_id: 42 } }, '/track', now))).toEqual({
      _tag: 'ValidationError',
      path: 'properties.distinct_id',
      message: 'Invalid properties.distinct_id: must be a string',
    })
    expect(leftOf(checkEventRecord({ event: 'e', properties: [] }, '/track', now))).toEqual({
      _tag: 'ValidationError',
      path: 'properties',
      message: 'Invalid properties: must be an object of properties',
    })
  })
})
