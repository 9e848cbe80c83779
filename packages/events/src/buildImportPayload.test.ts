import { describe, expect, it } from 'vitest'
import { LIB_NAME, LIB_VERSION } from '@mp/core'
import { buildImportPayload } from './buildImportPayload.ts'
import { leftOf, rightOf } from './test-either.ts'

const token = '12345'
const nowMs = Date.UTC(2024, 0, 15)
const env = { now: () => nowMs, insertId: () => 'abcdefg' }
// mixpanel-python's test_import_data passes `time.time()`: a float of seconds, passed through as is.
const timestamp = nowMs / 1000 - 86_400 * 30 + 0.25

describe('buildImportPayload: the mixpanel-python request case', () => {
  it('test_import_data: time is the caller timestamp, endpoint /import, auth secret', () => {
    const req = rightOf(
      buildImportPayload({ token, distinctId: 'ID', event: 'button press', timestamp, properties: { size: 'big', color: 'blue', $insert_id: 'abc123' } }, env),
    )
    expect(req.endpoint).toBe('/import')
    expect(req.auth).toBe('secret')
    expect(JSON.stringify(req.records)).toBe(
      `[{"event":"button press","properties":{"token":"12345","distinct_id":"ID","time":${timestamp},"$insert_id":"abc123","mp_lib":"${LIB_NAME}","$lib_version":"${LIB_VERSION}","size":"big","color":"blue"}}]`,
    )
  })

  it('fills $insert_id from env.insertId and merges meta at the top level', () => {
    const req = rightOf(buildImportPayload({ token, distinctId: 'ID', event: 'e', timestamp, meta: { ip: 0 } }, env))
    expect(req.records).toEqual([
      {
        event: 'e',
        properties: { token, distinct_id: 'ID', time: timestamp, $insert_id: 'abcdefg', mp_lib: LIB_NAME, $lib_version: LIB_VERSION },
        ip: 0,
      },
    ])
  })

  it('takes Simplified ID Merge ids as track does: deviceId and userId, distinct_id derived', () => {
    const req = rightOf(buildImportPayload({ token, deviceId: 'd-1', userId: 'u-1', event: 'Sign Up', timestamp }, env))
    expect(req.records[0]?.['properties']).toStrictEqual({
      token, distinct_id: 'u-1', time: timestamp, $insert_id: 'abcdefg', mp_lib: LIB_NAME, $lib_version: LIB_VERSION, $device_id: 'd-1', $user_id: 'u-1',
    })
    expect(leftOf(buildImportPayload({ token, event: 'e', timestamp } as never, env))).toMatchObject({ _tag: 'ValidationError', path: 'distinctId' })
  })

  it('accepts any age back to 1971 and up to an hour ahead', () => {
    expect(rightOf(buildImportPayload({ token, distinctId: 'u', event: 'e', timestamp: Date.UTC(1971, 0, 1) / 1000 }, env)).endpoint).toBe('/import')
    expect(rightOf(buildImportPayload({ token, distinctId: 'u', event: 'e', timestamp: nowMs / 1000 + 3_600 }, env)).endpoint).toBe('/import')
  })
})

describe('buildImportPayload: validation', () => {
  const cases: ReadonlyArray<[string, unknown, string, string]> = [
    [
      'timestamp before 1971',
      { token, distinctId: 'u', event: 'e', timestamp: 1000.1 },
      'timestamp',
      "Invalid timestamp: 1000.1 (1970-01-01T00:16:40 UTC) is before 1971-01-01, which Mixpanel's /import refuses",
    ],
    [
      'timestamp over an hour ahead',
      { token, distinctId: 'u', event: 'e', timestamp: nowMs / 1000 + 3_601 },
      'timestamp',
      "Invalid timestamp: 1705280401 (2024-01-15T01:00:01 UTC) is more than 1 hour in the future (now is 2024-01-15T00:00:00 UTC), which Mixpanel's /import refuses; time is in seconds since the epoch",
    ],
    [
      'timestamp missing',
      { token, distinctId: 'u', event: 'e' },
      'timestamp',
      'Invalid timestamp: must be a number of seconds since the epoch (when the event happened), got undefined',
    ],
    [
      'timestamp as a Date',
      { token, distinctId: 'u', event: 'e', timestamp: new Date(nowMs) },
      'timestamp',
      'Invalid timestamp: must be a number of seconds since the epoch (when the event happened), got a Date',
    ],
    [
      'properties.time overriding the timestamp with a future time',
      { token, distinctId: 'u', event: 'e', timestamp, properties: { time: 4_102_444_800 } },
      'properties.time',
      "Invalid properties.time: 4102444800 (2100-01-01T00:00:00 UTC) is more than 1 hour in the future (now is 2024-01-15T00:00:00 UTC), which Mixpanel's /import refuses; time is in seconds since the epoch",
    ],
    [
      '$insert_id longer than 36',
      { token, distinctId: 'u', event: 'e', timestamp, properties: { $insert_id: 'a'.repeat(37) } },
      'properties.$insert_id',
      `Invalid properties.$insert_id: must be 1 to 36 characters of A-Z, a-z, 0-9 and '-' (Mixpanel's rule for deduplication keys), got "${'a'.repeat(37)}"`,
    ],
    ['empty event', { token, distinctId: 'u', event: ' ', timestamp }, 'event', `Invalid event: must be a non-empty string (the event's name), got " "`],
  ]
  it.each(cases)('%s', (_, input, path, message) => {
    expect(leftOf(buildImportPayload(input as never, env))).toEqual({ _tag: 'ValidationError', path, message })
  })

  it('reads a millisecond timestamp as Mixpanel does (above 10^10)', () => {
    const req = rightOf(buildImportPayload({ token, distinctId: 'u', event: 'e', timestamp: nowMs - 1000 }, env))
    expect((req.records[0]?.['properties'] as Record<string, unknown>)['time']).toBe(nowMs - 1000)
  })
})

describe('buildImportPayload: record sizes for the queue', () => {
  it('attaches each record’s UTF-8 JSON size as bytes', () => {
    const req = rightOf(buildImportPayload({ token, distinctId: 'ID', event: 'é', timestamp, properties: { n: 'ü' } }, env))
    expect(req.bytes).toStrictEqual([new TextEncoder().encode(JSON.stringify(req.records[0])).length])
  })
})
