import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { validateTrackTime } from './validateTrackTime.ts'

const now = Date.UTC(2024, 0, 15)
const day = 86_400

describe('validateTrackTime', () => {
  it('accepts up to 5 days old, and future times (Mixpanel clamps them to now)', () => {
    expect(validateTrackTime(now / 1000 - 5 * day, now, 'properties.time')).toEqual(E.right(now / 1000 - 5 * day))
    expect(validateTrackTime(now / 1000 + day, now, 'properties.time')).toEqual(E.right(now / 1000 + day))
  })

  it('refuses older events and points to importData', () => {
    expect(validateTrackTime(now / 1000 - 5 * day - 1, now, 'properties.time')).toEqual(
      E.left({
        _tag: 'ValidationError',
        path: 'properties.time',
        message:
          "Invalid properties.time: 1704844799 (2024-01-09T23:59:59 UTC) is more than 5 days old; Mixpanel's /track silently drops such events, so send historical events with importData (or importEvents) instead",
      }),
    )
  })
})
