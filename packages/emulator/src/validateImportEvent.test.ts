import { describe, expect, it } from 'vitest'
import { validateImportEvent } from './validateImportEvent.ts'

const NOW = Date.UTC(2026, 0, 15)
const valid = { time: NOW / 1000, distinct_id: 'u', $insert_id: 'abc' }
const check = (properties: Record<string, unknown>, event: unknown = 'E') => validateImportEvent({ event, properties }, NOW)

describe('validateImportEvent', () => {
  it('accepts a complete record, numeric distinct ids and an empty distinct id', () => {
    expect(check(valid)).toBeUndefined()
    expect(check({ ...valid, distinct_id: 42 })).toBeUndefined()
    expect(check({ ...valid, distinct_id: '' })).toBeUndefined()
  })

  it('reports the first failure in the order event, properties, time, distinct_id, $insert_id, limits', () => {
    expect(check(valid, '')?.field).toBe('event')
    expect(validateImportEvent({ event: 'E', properties: [] }, NOW)?.field).toBe('properties')
    expect(check({ ...valid, time: undefined, distinct_id: undefined })?.field).toBe('properties.time')
    expect(check({ ...valid, distinct_id: 'none', $insert_id: 'a b' })?.field).toBe('properties.distinct_id')
    expect(check({ ...valid, $insert_id: 'a b', big: { a: { b: { c: { d: 1 } } } } })?.field).toBe('$insert_id')
    expect(check({ ...valid, big: { a: { b: { c: { d: 1 } } } } })).toEqual({
      field: 'properties.big',
      message: "'properties.big' is invalid: must not nest objects or lists more than 3 levels deep",
    })
  })

  it('does not require time, distinct_id or $insert_id on identity events, but checks those present', () => {
    expect(check({ $distinct_ids: ['a', 'b'], token: 't' }, '$merge')).toBeUndefined()
    expect(check({ alias: 'b', distinct_id: 'a' }, '$create_alias')).toBeUndefined()
    expect(check({ $distinct_ids: ['a', 'b'], time: 4_102_444_800 }, '$merge')?.field).toBe('properties.time')
    expect(check({ $distinct_ids: ['a', 'b'], $insert_id: 'a_b' }, '$merge')?.field).toBe('$insert_id')
    expect(check({ $identified_id: 'u' }, 'Signed up')?.field).toBe('properties.time')
  })

  it('uses the clock for the future bound, allowing an hour ahead', () => {
    expect(check({ ...valid, time: NOW / 1000 + 3600 })).toBeUndefined()
    expect(check({ ...valid, time: NOW + 3_600_001 })).toEqual({
      field: 'properties.time',
      message: "'properties.time' is invalid: must not be in the future",
    })
  })
})
