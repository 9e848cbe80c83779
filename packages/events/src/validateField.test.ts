import { describe, expect, it } from 'vitest'
import { validateField } from './validateField.ts'

describe('validateField: event', () => {
  it('accepts a name and refuses empty, blank or non-string ones', () => {
    expect(validateField('event', 'signup', 'event')).toBeUndefined()
    expect(validateField('event', '  ', 'event')).toEqual({ _tag: 'ValidationError', path: 'event', message: `Invalid event: must be a non-empty string (the event's name), got "  "` })
    expect(validateField('event', null, 'event')).toEqual({ _tag: 'ValidationError', path: 'event', message: `Invalid event: must be a non-empty string (the event's name), got null` })
  })
})

describe('validateField: token', () => {
  it('accepts a project token and refuses a blank or missing one', () => {
    expect(validateField('token', 'T', 'token')).toBeUndefined()
    expect(validateField('token', ' ', 'properties.token')).toEqual(
      { _tag: 'ValidationError', path: 'properties.token', message: 'Invalid properties.token: must be your project token, a non-empty string' },
    )
    expect(validateField('token', undefined, 'token')).toEqual({ _tag: 'ValidationError', path: 'token', message: 'Invalid token: must be your project token, a non-empty string' })
  })
})

describe('validateField: distinct_id', () => {
  it('accepts a real id and refuses placeholders case-insensitively', () => {
    expect(validateField('distinct_id', 'user_67890', 'distinctId')).toBeUndefined()
    expect(validateField('distinct_id', 'Anonymous', 'properties.distinct_id')).toEqual(
      {
        _tag: 'ValidationError',
        path: 'properties.distinct_id',
        message: 'Invalid properties.distinct_id: "Anonymous" is a placeholder Mixpanel refuses as an id',
      },
    )
    expect(validateField('distinct_id', '', 'distinctId')).toEqual({ _tag: 'ValidationError', path: 'distinctId', message: 'Invalid distinctId: must be a non-empty string' })
    expect(validateField('distinct_id', 42, 'distinctId')).toEqual({ _tag: 'ValidationError', path: 'distinctId', message: 'Invalid distinctId: must be a string' })
  })
})

describe('validateField: time', () => {
  it('accepts finite numbers and shows what it refuses: strings quoted, numbers as written, else the kind', () => {
    expect(validateField('time', 1000.1, 'properties.time')).toBeUndefined()
    const refused = (got: string) => ({
      _tag: 'ValidationError',
      path: 'properties.time',
      message: `Invalid properties.time: must be a number of seconds since the epoch (when the event happened), got ${got}`,
    })
    expect(validateField('time', Infinity, 'properties.time')).toEqual(refused('Infinity'))
    expect(validateField('time', '  ', 'properties.time')).toEqual(refused('"  "'))
    expect(validateField('time', null, 'properties.time')).toEqual(refused('null'))
    expect(validateField('time', undefined, 'properties.time')).toEqual(refused('undefined'))
    expect(validateField('time', new Date(0), 'properties.time')).toEqual(refused('a Date'))
    expect(validateField('time', [1], 'properties.time')).toEqual(refused('an array'))
  })
})

describe('validateField: $insert_id', () => {
  const path = 'properties.$insert_id'

  it('accepts up to 36 characters of letters, digits and -', () => {
    expect(validateField('$insert_id', 'abc123', path)).toBeUndefined()
    expect(validateField('$insert_id', '0123456789-abcdefghijklmnopqrstuvwxy', path)).toBeUndefined()
  })

  it.each([['a'.repeat(37)], ['has_underscore'], [''], ['ünï']])('refuses %j', (id) => {
    expect(validateField('$insert_id', id, path)).toEqual(
      {
        _tag: 'ValidationError',
        path,
        message: `Invalid ${path}: must be 1 to 36 characters of A-Z, a-z, 0-9 and '-' (Mixpanel's rule for deduplication keys), got ${JSON.stringify(id)}`,
      },
    )
  })

  it('refuses placeholders and non-strings', () => {
    expect(validateField('$insert_id', 'NULL', path)).toEqual({ _tag: 'ValidationError', path, message: `Invalid ${path}: "NULL" is a placeholder value Mixpanel refuses as an insert id` })
    expect(validateField('$insert_id', 12, path)).toEqual(
      { _tag: 'ValidationError', path, message: `Invalid ${path}: must be 1 to 36 characters of A-Z, a-z, 0-9 and '-' (Mixpanel's rule for deduplication keys), got 12` },
    )
  })
})

