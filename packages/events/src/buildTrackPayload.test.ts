import { describe, expect, it } from 'vitest'
import { LIB_NAME, LIB_VERSION } from '@mp/core'
import { buildTrackPayload } from './buildTrackPayload.ts'
import { leftOf, rightOf } from './test-either.ts'

// mixpanel-python's test fixture: `_now` → 1000.1 s, `_make_insert_id` → "abcdefg".
const env = { now: () => 1_000_100, insertId: () => 'abcdefg' }
const token = '12345'

describe('buildTrackPayload: the mixpanel-python request cases', () => {
  it('test_track: caller properties override defaults in place, same wire string', () => {
    const req = rightOf(
      buildTrackPayload({ token, distinctId: 'ID', event: 'button press', properties: { size: 'big', color: 'blue', $insert_id: 'abc123' } }, env),
    )
    expect(req.endpoint).toBe('/track')
    expect(req.auth).toBe('token')
    expect(req.records).toHaveLength(1)
    expect(JSON.stringify(req.records[0])).toBe(
      `{"event":"button press","properties":{"token":"12345","distinct_id":"ID","time":1000.1,"$insert_id":"abc123","mp_lib":"${LIB_NAME}","$lib_version":"${LIB_VERSION}","size":"big","color":"blue"}}`,
    )
  })

  it('test_track_makes_insert_id: the default insert id is 32 lowercase hex', () => {
    const req = rightOf(buildTrackPayload({ token, distinctId: 'ID', event: 'button press', properties: { size: 'big' } }, { now: env.now }))
    const id = (req.records[0]?.['properties'] as Record<string, unknown>)['$insert_id']
    expect(id).toMatch(/^[0-9a-f]{32}$/)
  })

  it('test_track_empty: empty properties give just the defaults', () => {
    const req = rightOf(buildTrackPayload({ token, distinctId: 'person_xyz', event: 'login', properties: {} }, env))
    expect(req.records).toEqual([
      {
        event: 'login',
        properties: { token, distinct_id: 'person_xyz', time: 1000.1, $insert_id: 'abcdefg', mp_lib: LIB_NAME, $lib_version: LIB_VERSION },
      },
    ])
  })

  it('test_track_meta: meta merges into the top level of the record', () => {
    const req = rightOf(
      buildTrackPayload(
        { token, distinctId: 'ID', event: 'button press', properties: { size: 'big', color: 'blue', $insert_id: 'abc123' }, meta: { ip: 0 } },
        env,
      ),
    )
    expect(JSON.stringify(req.records[0])).toBe(
      `{"event":"button press","properties":{"token":"12345","distinct_id":"ID","time":1000.1,"$insert_id":"abc123","mp_lib":"${LIB_NAME}","$lib_version":"${LIB_VERSION}","size":"big","color":"blue"},"ip":0}`,
    )
  })

  it('test_custom_json_serializer: a value JSON cannot carry is refused; one with toJSON is serialised', () => {
    const error = leftOf(buildTrackPayload({ token, distinctId: 'ID', event: 'button press', properties: { size: 12n } }, env))
    expect(error).toMatchObject({ _tag: 'ValidationError', path: 'properties.size' })
    const decimal = { toJSON: () => '12.05' }
    const req = rightOf(buildTrackPayload({ token, distinctId: 'ID', event: 'button press', properties: { size: decimal, $insert_id: 'abc123' } }, env))
    expect(req.records[0]?.['properties']).toEqual({
      token, distinct_id: 'ID', time: 1000.1, $insert_id: 'abc123', mp_lib: LIB_NAME, $lib_version: LIB_VERSION, size: '12.05',
    })
  })
})

describe('buildTrackPayload: Simplified ID Merge ids', () => {
  const defaults = (distinctId: string) =>
    `"token":"12345","distinct_id":"${distinctId}","time":1000.1,"$insert_id":"abcdefg","mp_lib":"${LIB_NAME}","$lib_version":"${LIB_VERSION}"`

  it('distinctId alone: the mixpanel-python record, byte for byte, with no $device_id or $user_id', () => {
    const req = rightOf(buildTrackPayload({ token, distinctId: 'ID', event: 'button press', properties: { size: 'big' } }, env))
    expect(JSON.stringify(req.records[0])).toBe(`{"event":"button press","properties":{${defaults('ID')},"size":"big"}}`)
  })

  it('deviceId and userId: distinct_id is the userId, and both reserved ids follow the caller properties', () => {
    const req = rightOf(buildTrackPayload({ token, deviceId: 'd-1', userId: 'u-1', event: 'Sign Up', properties: { plan: 'free' } }, env))
    expect(JSON.stringify(req.records[0])).toBe(`{"event":"Sign Up","properties":{${defaults('u-1')},"plan":"free","$device_id":"d-1","$user_id":"u-1"}}`)
  })

  it("deviceId alone: distinct_id is '$device:' + deviceId", () => {
    const req = rightOf(buildTrackPayload({ token, deviceId: 'd-1', event: 'Page View' }, env))
    expect(JSON.stringify(req.records[0])).toBe(`{"event":"Page View","properties":{${defaults('$device:d-1')},"$device_id":"d-1"}}`)
  })

  it('userId alone, and a matching distinctId, are accepted', () => {
    expect(rightOf(buildTrackPayload({ token, userId: 'u-1', event: 'e' }, env)).records[0]?.['properties']).toMatchObject({ distinct_id: 'u-1', $user_id: 'u-1' })
    expect(rightOf(buildTrackPayload({ token, distinctId: 'u-1', userId: 'u-1', deviceId: 'd-1', event: 'e' }, env)).records[0]?.['properties']).toMatchObject({
      distinct_id: 'u-1',
    })
  })

  it('deviceId and userId win over $device_id / $user_id in properties, so the record agrees with its distinct_id', () => {
    const req = rightOf(buildTrackPayload({ token, deviceId: 'd-1', userId: 'u-1', event: 'e', properties: { $user_id: 'other', $device_id: 'x' } }, env))
    expect(req.records[0]?.['properties']).toMatchObject({ distinct_id: 'u-1', $device_id: 'd-1', $user_id: 'u-1' })
  })

  it('refuses conflicting ids before anything is built', () => {
    expect(leftOf(buildTrackPayload({ token, distinctId: 'u-2', userId: 'u-1', event: 'e' }, env))).toMatchObject({ path: 'distinctId' })
    expect(leftOf(buildTrackPayload({ token, distinctId: 'u-1', deviceId: 'd-1', event: 'e' }, env))).toMatchObject({ path: 'distinctId' })
    expect(leftOf(buildTrackPayload({ token, deviceId: '$device:d-1', event: 'e' }, env))).toMatchObject({ path: 'deviceId' })
  })
})

describe('buildTrackPayload: records', () => {
  it('uses env.now in seconds with the millisecond fraction', () => {
    const req = rightOf(buildTrackPayload({ token, distinctId: 'u1', event: 'e' }, { now: () => 1_700_000_000_123, insertId: () => 'x' }))
    expect((req.records[0]?.['properties'] as Record<string, unknown>)['time']).toBe(1_700_000_000.123)
  })

  it('turns Dates into UTC YYYY-MM-DDTHH:MM:SS', () => {
    const req = rightOf(buildTrackPayload({ token, distinctId: 'u1', event: 'e', properties: { at: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678)) } }, env))
    expect((req.records[0]?.['properties'] as Record<string, unknown>)['at']).toBe('2024-01-02T03:04:05')
  })

  it('lets meta replace a top-level key, as mixpanel-python does', () => {
    const req = rightOf(buildTrackPayload({ token, distinctId: 'u1', event: 'e', meta: { event: 'renamed' } }, env))
    expect(req.records[0]?.['event']).toBe('renamed')
  })

  it('is pure: the same input and env give the same descriptor', () => {
    const input = { token, distinctId: 'u1', event: 'e', properties: { a: [1, { b: 2 }] } }
    expect(buildTrackPayload(input, env)).toEqual(buildTrackPayload(input, env))
  })
})

describe('buildTrackPayload: validation', () => {
  const cases: ReadonlyArray<[string, unknown, string, string]> = [
    ['not an object', null, 'input', 'Invalid input: must be an object such as { distinctId, event, properties }'],
    ['missing token', { distinctId: 'u1', event: 'e' }, 'token', 'Invalid token: must be your project token, a non-empty string'],
    ['empty event name', { token, distinctId: 'u1', event: '' }, 'event', `Invalid event: must be a non-empty string (the event's name), got ""`],
    ['event name not a string', { token, distinctId: 'u1', event: 42 }, 'event', `Invalid event: must be a non-empty string (the event's name), got 42`],
    ['missing distinct id', { token, event: 'e' }, 'distinctId', 'Invalid distinctId: is required (or deviceId and/or userId)'],
    ['distinct id not a string', { token, distinctId: 7, event: 'e' }, 'distinctId', 'Invalid distinctId: must be a string'],
    [
      'placeholder distinct id',
      { token, distinctId: 'undefined', event: 'e' },
      'distinctId',
      'Invalid distinctId: "undefined" is a placeholder Mixpanel refuses as an id',
    ],
    [
      'placeholder distinct id in properties',
      { token, distinctId: 'u1', event: 'e', properties: { distinct_id: 'null' } },
      'properties.distinct_id',
      'Invalid properties.distinct_id: "null" is a placeholder Mixpanel refuses as an id',
    ],
    ['properties not an object', { token, distinctId: 'u1', event: 'e', properties: ['a'] }, 'properties', 'Invalid properties: must be an object of properties, got an array'],
    ['meta not an object', { token, distinctId: 'u1', event: 'e', meta: 'ip=0' }, 'meta', 'Invalid meta: must be an object of properties, got string'],
    ['NaN', { token, distinctId: 'u1', event: 'e', properties: { n: NaN } }, 'properties.n', 'Invalid properties.n: NaN is not JSON'],
    [
      'bad $insert_id',
      { token, distinctId: 'u1', event: 'e', properties: { $insert_id: 'has spaces' } },
      'properties.$insert_id',
      `Invalid properties.$insert_id: must be 1 to 36 characters of A-Z, a-z, 0-9 and '-' (Mixpanel's rule for deduplication keys), got "has spaces"`,
    ],
    [
      'time older than 5 days',
      { token, distinctId: 'u1', event: 'e', properties: { time: 1_700_000_000 - 6 * 86_400 } },
      'properties.time',
      "Invalid properties.time: 1699481600 (2023-11-08T22:13:20 UTC) is more than 5 days old; Mixpanel's /track silently drops such events, so send historical events with importData (or importEvents) instead",
    ],
    [
      'time that is not a number',
      { token, distinctId: 'u1', event: 'e', properties: { time: '2024-01-01' } },
      'properties.time',
      'Invalid properties.time: must be a number of seconds since the epoch (when the event happened), got "2024-01-01"',
    ],
    [
      'too many properties',
      { token, distinctId: 'u1', event: 'e', properties: Object.fromEntries(Array.from({ length: 249 }, (_, i) => [`p${i}`, i])) },
      'properties',
      'Invalid properties: has 255 properties; Mixpanel accepts fewer than 255 per event (defaults such as token and time included)',
    ],
    [
      'nested too deep',
      { token, distinctId: 'u1', event: 'e', properties: { a: { b: { c: { d: {} } } } } },
      'properties.a.b.c.d',
      'Invalid properties.a.b.c.d: is nested 4 levels deep; Mixpanel accepts objects and lists nested at most 3 levels',
    ],
  ]
  const now = { now: () => 1_700_000_000_000, insertId: () => 'abc123' }
  it.each(cases)('%s', (_, input, path, message) => {
    expect(leftOf(buildTrackPayload(input as never, now))).toEqual({ _tag: 'ValidationError', path, message })
  })

  it('accepts three levels of nesting', () => {
    expect(rightOf(buildTrackPayload({ token, distinctId: 'u1', event: 'e', properties: { a: { b: { c: { d: 1 } } }, l: [[[1]]] } }, now)).endpoint).toBe('/track')
  })

  it('accepts a time 4 days old, and 248 caller properties (254 in all)', () => {
    expect(rightOf(buildTrackPayload({ token, distinctId: 'u1', event: 'e', properties: { time: 1_700_000_000 - 4 * 86_400 } }, now)).endpoint).toBe('/track')
    const many = Object.fromEntries(Array.from({ length: 248 }, (_, i) => [`p${i}`, i]))
    expect(Object.keys(rightOf(buildTrackPayload({ token, distinctId: 'u1', event: 'e', properties: many }, now)).records[0]?.['properties'] ?? {})).toHaveLength(254)
  })

  it('never throws: hostile getters and a throwing clock become ValidationErrors', () => {
    const hostile = Object.defineProperty({ token, event: 'e' }, 'distinctId', {
      get() {
        throw new Error('boom')
      },
    })
    expect(leftOf(buildTrackPayload(hostile as never, env))).toMatchObject({ _tag: 'ValidationError', path: 'input', message: 'Invalid input: could not be read (boom)' })
    const clock = () => {
      throw new Error('no clock')
    }
    expect(leftOf(buildTrackPayload({ token, distinctId: 'u1', event: 'e' }, { now: clock }))._tag).toBe('ValidationError')
    for (const bad of [undefined, 1, 'x', [], () => 1, Symbol('s')]) {
      expect(leftOf(buildTrackPayload(bad as never))._tag).toBe('ValidationError')
    }
  })
})

describe('buildTrackPayload: record sizes for the queue', () => {
  it('attaches each record’s UTF-8 JSON size as bytes', () => {
    const req = rightOf(buildTrackPayload({ token, distinctId: 'ID', event: 'café ☕', properties: { note: '😀' } }, env))
    expect(req.bytes).toStrictEqual([new TextEncoder().encode(JSON.stringify(req.records[0])).length])
  })
})
