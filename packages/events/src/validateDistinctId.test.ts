import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { validateDistinctId } from './validateDistinctId.ts'

describe('validateDistinctId', () => {
  it('accepts a real id and refuses placeholders case-insensitively', () => {
    expect(validateDistinctId('user_67890', 'distinctId')).toEqual(E.right('user_67890'))
    expect(validateDistinctId('Anonymous', 'properties.distinct_id')).toEqual(
      E.left({
        _tag: 'ValidationError',
        path: 'properties.distinct_id',
        message: 'Invalid properties.distinct_id: "Anonymous" is a placeholder value Mixpanel refuses as an id (it would merge unrelated users); pass the real id',
      }),
    )
    expect(validateDistinctId('', 'distinctId')).toEqual(E.left({ _tag: 'ValidationError', path: 'distinctId', message: 'Invalid distinctId: must be a non-empty string' }))
  })
})
