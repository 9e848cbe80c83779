import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { validateEventTime } from './validateEventTime.ts'

describe('validateEventTime', () => {
  it('accepts finite numbers only', () => {
    expect(validateEventTime(1000.1, 'properties.time')).toEqual(E.right(1000.1))
    expect(validateEventTime(Infinity, 'properties.time')).toEqual(
      E.left({ _tag: 'ValidationError', path: 'properties.time', message: 'Invalid properties.time: must be a number of seconds since the epoch (when the event happened), got Infinity' }),
    )
    expect(validateEventTime('1700000000', 'properties.time')).toEqual(
      E.left({ _tag: 'ValidationError', path: 'properties.time', message: 'Invalid properties.time: must be a number of seconds since the epoch (when the event happened), got "1700000000"' }),
    )
  })
})
