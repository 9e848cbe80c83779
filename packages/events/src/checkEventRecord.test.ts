import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { checkEventRecord } from './checkEventRecord.ts'
import { leftOf, rightOf } from './test-either.ts'

const now = Date.UTC(2024, 0, 15)
const good = { token: 'T', distinct_id: 'u1', time: now / 1000 - 60, $insert_id: 'id-1' }
const many = (n: number): Record<string, number> => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]))
// `good` holds 4 properties, so `many(n - 4)` more make n in all.
const withProperties = (properties: Record<string, unknown>) => ({ event: 'e', properties: { ...good, ...properties } }) as never

describe('checkEventRecord', () => {
  it('answers the record and its wire size when every rule holds', () => {
    const record = { event: 'signup', properties: good }
    expect(rightOf(checkEventRecord(record, '/import', now))).toEqual({ record, bytes: JSON.stringify(record).length })
  })

  it('answers the wire size in UTF-8 bytes', () => {
    const record = { event: 'ü', properties: good }
    expect(rightOf(checkEventRecord(record, '/track', now)).bytes).toBe(JSON.stringify(record).length + 1)
  })

  it('refuses an event of 1 MB or more', () => {
    const big = { event: 'e', properties: { ...good, blob: 'x'.repeat(1024 * 1024) } }
    expect(checkEventRecord(big, '/track', now)).toEqual(
      E.left({ _tag: 'ValidationError', path: 'properties', message: 'Invalid properties: the event is 1.00 MB of JSON; Mixpanel accepts events under 1 MB' }),
    )
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

describe('checkEventRecord: Simplified ID Merge events without distinct_id', () => {
  const { distinct_id: _d, ...noId } = good

  it('accepts $user_id or $device_id in its place, and checks the one Mixpanel derives it from', () => {
    expect(E.isRight(checkEventRecord({ event: 'e', properties: { ...noId, $device_id: 'd1' } }, '/import', now))).toBe(true)
    expect(E.isRight(checkEventRecord({ event: 'e', properties: { ...noId, $device_id: 'd1', $user_id: 'u1' } }, '/import', now))).toBe(true)
    expect(leftOf(checkEventRecord({ event: 'e', properties: { ...noId, $device_id: 'd1', $user_id: 'null' } }, '/import', now))).toMatchObject({
      path: 'properties.$user_id',
      message: 'Invalid properties.$user_id: "null" is a placeholder Mixpanel refuses as an id',
    })
    expect(leftOf(checkEventRecord({ event: 'e', properties: { ...noId, $device_id: '' } }, '/import', now))).toMatchObject({ path: 'properties.$device_id' })
  })

  it('still refuses an event with none of the three', () => {
    expect(leftOf(checkEventRecord({ event: 'e', properties: noId }, '/import', now))).toMatchObject({ path: 'properties.distinct_id' })
  })
})

describe('checkEventRecord: property limits', () => {
  it('accepts 254 properties, 3 levels of nesting, 254 keys and 254 items', () => {
    expect(E.isRight(checkEventRecord(withProperties(many(250)), '/track', now))).toBe(true)
    expect(E.isRight(checkEventRecord(withProperties({ a: { b: [{ c: 1 }] }, o: many(254), l: Array.from({ length: 254 }, () => 1) }), '/track', now))).toBe(true)
  })

  it('refuses 255 properties', () => {
    expect(checkEventRecord(withProperties(many(251)), '/track', now)).toEqual(
      E.left({ _tag: 'ValidationError', path: 'properties', message: 'Invalid properties: has 255 properties; Mixpanel accepts fewer than 255 per event (defaults such as token and time included)' }),
    )
  })

  it('refuses a fourth level of objects or lists, naming its path', () => {
    expect(checkEventRecord(withProperties({ tags: [[[['x']]]] }), '/track', now)).toEqual(
      E.left({ _tag: 'ValidationError', path: 'properties.tags[0][0][0]', message: 'Invalid properties.tags[0][0][0]: is nested 4 levels deep; Mixpanel accepts objects and lists nested at most 3 levels' }),
    )
  })

  it('refuses a nested object of 255 keys and a list of 255 items', () => {
    expect(checkEventRecord(withProperties({ o: many(255) }), '/track', now)).toEqual(
      E.left({ _tag: 'ValidationError', path: 'properties.o', message: 'Invalid properties.o: is an object with 255 keys; Mixpanel accepts fewer than 255' }),
    )
    expect(checkEventRecord(withProperties({ 'my list': Array.from({ length: 255 }, () => 0) }), '/track', now)).toEqual(
      E.left({ _tag: 'ValidationError', path: 'properties["my list"]', message: 'Invalid properties["my list"]: is a list of 255 items; Mixpanel accepts fewer than 255' }),
    )
  })

  it("skips the insert-id check only for the builder's own id, never for a missing or different one", () => {
    const own = 'a'.repeat(32)
    const bare = { token: 'T', distinct_id: 'u1', time: now / 1000 - 60 }
    expect(rightOf(checkEventRecord({ event: 'e', properties: { ...bare, $insert_id: own } }, '/import', now, own)).bytes).toBeGreaterThan(0)
    // Another value is checked as always, whatever the builder generated.
    expect(leftOf(checkEventRecord({ event: 'e', properties: { ...bare, $insert_id: 'a_b' } }, '/track', now, own)).path).toBe('properties.$insert_id')
    expect(leftOf(checkEventRecord({ event: 'e', properties: { ...bare, $insert_id: null } }, '/track', now, own)).path).toBe('properties.$insert_id')
    // /import still requires one when the builder's id was not used.
    expect(leftOf(checkEventRecord({ event: 'e', properties: bare }, '/import', now, own)).path).toBe('properties.$insert_id')
    expect(leftOf(checkEventRecord({ event: 'e', properties: bare }, '/import', now)).path).toBe('properties.$insert_id')
  })
})
