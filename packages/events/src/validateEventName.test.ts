import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { validateEventName } from './validateEventName.ts'

describe('validateEventName', () => {
  it('accepts a name and refuses empty, blank or non-string ones', () => {
    expect(validateEventName('signup', 'event')).toEqual(E.right('signup'))
    expect(validateEventName('  ', 'event')).toEqual(E.left({ _tag: 'ValidationError', path: 'event', message: `Invalid event: must be a non-empty string (the event's name), got "  "` }))
    expect(validateEventName(null, 'event')).toEqual(E.left({ _tag: 'ValidationError', path: 'event', message: `Invalid event: must be a non-empty string (the event's name), got null` }))
  })
})
