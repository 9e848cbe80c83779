import { describe, expect, it } from 'vitest'
import { toImportEvent } from './toImportEvent.ts'

const COLUMNS = { event: 'event', distinctId: 'distinct_id', time: 'time', insertId: '$insert_id' }

describe('toImportEvent', () => {
  it("passes Mixpanel's own { event, properties } records on unchanged", () => {
    const record = { event: 'a', properties: { distinct_id: 'u', time: '2024-01-01T00:00:00Z' } }
    expect(toImportEvent(record, COLUMNS)).toBe(record)
    expect(toImportEvent('text', COLUMNS)).toBe('text')
  })

  it('reads flat records as columns, renaming the mapped ones', () => {
    const columns = { event: 'name', distinctId: 'user', time: 'at', insertId: 'id' }
    expect(toImportEvent({ name: 'signup', user: 'u1', at: 1_700_000_000, id: 'abc', plan: 'pro' }, columns)).toEqual({
      event: 'signup',
      properties: { distinct_id: 'u1', time: 1_700_000_000, $insert_id: 'abc', plan: 'pro' },
    })
  })

  it('turns numeric text and ISO 8601 times with a zone into seconds, and leaves other text for validation', () => {
    const time = (value: unknown) => (toImportEvent({ event: 'e', time: value }, COLUMNS) as { properties: { time: unknown } }).properties.time
    expect(time('1700000000')).toBe(1_700_000_000)
    expect(time('1700000000123')).toBe(1_700_000_000_123)
    expect(time('2024-01-01T00:00:00Z')).toBe(1_704_067_200)
    expect(time('2024-01-01 01:00:00.5+01:00')).toBe(1_704_067_200.5)
    expect(time('2024-01-01T00:00:00')).toBe('2024-01-01T00:00:00')
    expect(time('yesterday')).toBe('yesterday')
  })
})
