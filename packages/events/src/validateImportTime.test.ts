import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { validateImportTime } from './validateImportTime.ts'

const now = Date.UTC(2024, 0, 15)

describe('validateImportTime', () => {
  it('accepts 1971-01-01 to now + 1 h, in seconds or milliseconds', () => {
    expect(validateImportTime(31_536_000, now, 't')).toEqual(E.right(31_536_000))
    expect(validateImportTime(now / 1000 + 3600, now, 't')).toEqual(E.right(now / 1000 + 3600))
    expect(validateImportTime(now + 3_600_000, now, 't')).toEqual(E.right(now + 3_600_000))
  })

  it('refuses earlier and later times with the date in the message', () => {
    expect(validateImportTime(31_535_999, now, 't')).toEqual(
      E.left({ _tag: 'ValidationError', path: 't', message: "Invalid t: 31535999 (1970-12-31T23:59:59 UTC) is before 1971-01-01, which Mixpanel's /import refuses" }),
    )
    expect(E.isLeft(validateImportTime(now + 3_600_001, now, 't'))).toBe(true)
  })
})
