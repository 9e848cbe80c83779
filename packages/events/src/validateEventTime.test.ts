import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { validateEventTime } from './validateEventTime.ts'

const now = Date.UTC(2024, 0, 15)
const day = 86_400

describe('validateEventTime', () => {
  it('accepts finite numbers only', () => {
    expect(validateEventTime(now / 1000, now, '/track', 'properties.time')).toEqual(E.right(now / 1000))
    expect(validateEventTime(Infinity, now, '/track', 'properties.time')).toEqual(
      E.left({ _tag: 'ValidationError', path: 'properties.time', message: 'Invalid properties.time: must be a number of seconds since the epoch (when the event happened), got Infinity' }),
    )
    expect(validateEventTime('1700000000', now, '/import', 'properties.time')).toEqual(
      E.left({ _tag: 'ValidationError', path: 'properties.time', message: 'Invalid properties.time: must be a number of seconds since the epoch (when the event happened), got "1700000000"' }),
    )
  })
})

describe('validateEventTime: seconds or milliseconds', () => {
  it('reads seconds (with a fraction) and recognises milliseconds above 10^10, as the dates in its messages show', () => {
    const refused = (time: number, date: string) =>
      E.left({ _tag: 'ValidationError', path: 't', message: `Invalid t: ${time} (${date} UTC) is before 1971-01-01, which Mixpanel's /import refuses` })
    expect(validateEventTime(1000.1, now, '/import', 't')).toEqual(refused(1000.1, '1970-01-01T00:16:40'))
    const old = (time: number) =>
      E.left({
        _tag: 'ValidationError',
        path: 't',
        message: `Invalid t: ${time} (2023-11-14T22:13:20 UTC) is more than 5 days old; Mixpanel's /track silently drops such events, so send historical events with importData (or importEvents) instead`,
      })
    expect(validateEventTime(1_700_000_000, now, '/track', 't')).toEqual(old(1_700_000_000))
    expect(validateEventTime(1_700_000_000_123, now, '/track', 't')).toEqual(old(1_700_000_000_123))
  })
})

describe('validateEventTime on /track', () => {
  it('accepts up to 5 days old, and future times (Mixpanel clamps them to now)', () => {
    expect(validateEventTime(now / 1000 - 5 * day, now, '/track', 'properties.time')).toEqual(E.right(now / 1000 - 5 * day))
    expect(validateEventTime(now / 1000 + day, now, '/track', 'properties.time')).toEqual(E.right(now / 1000 + day))
  })

  it('refuses older events and points to importData', () => {
    expect(validateEventTime(now / 1000 - 5 * day - 1, now, '/track', 'properties.time')).toEqual(
      E.left({
        _tag: 'ValidationError',
        path: 'properties.time',
        message:
          "Invalid properties.time: 1704844799 (2024-01-09T23:59:59 UTC) is more than 5 days old; Mixpanel's /track silently drops such events, so send historical events with importData (or importEvents) instead",
      }),
    )
  })
})

describe('validateEventTime on /import', () => {
  it('accepts 1971-01-01 to now + 1 h, in seconds or milliseconds', () => {
    expect(validateEventTime(31_536_000, now, '/import', 't')).toEqual(E.right(31_536_000))
    expect(validateEventTime(now / 1000 + 3600, now, '/import', 't')).toEqual(E.right(now / 1000 + 3600))
    expect(validateEventTime(now + 3_600_000, now, '/import', 't')).toEqual(E.right(now + 3_600_000))
  })

  it('refuses earlier and later times with the date in the message', () => {
    expect(validateEventTime(31_535_999, now, '/import', 't')).toEqual(
      E.left({ _tag: 'ValidationError', path: 't', message: "Invalid t: 31535999 (1970-12-31T23:59:59 UTC) is before 1971-01-01, which Mixpanel's /import refuses" }),
    )
    expect(E.isLeft(validateEventTime(now + 3_600_001, now, '/import', 't'))).toBe(true)
  })
})
