import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { checkDistinctId } from './checkDistinctId.ts'
import { validationError } from './errors.ts'

describe('checkDistinctId', () => {
  it('answers a usable id unchanged (no trimming)', () => {
    expect(checkDistinctId(' user_67890', 'distinctId', 'the user')).toStrictEqual(E.right(' user_67890'))
  })

  it('says what a missing id is for', () => {
    expect(checkDistinctId(undefined, 'aliasId', "the new id, e.g. 'user_67890'")).toStrictEqual(
      E.left(validationError('aliasId', "is required: the new id, e.g. 'user_67890'")),
    )
  })

  it.each([
    [42, 'number'],
    [null, 'null'],
    [['u1'], 'an array'],
    [{ id: 'u1' }, 'object'],
  ])('refuses %j, saying what it got', (value, got) => {
    expect(checkDistinctId(value, 'distinctId', 'the user')).toStrictEqual(E.left(validationError('distinctId', `must be a string, got ${got}`)))
  })

  it('refuses empty and placeholder ids with the reason', () => {
    expect(checkDistinctId(' ', 'distinctId', 'the user')).toStrictEqual(E.left(validationError('distinctId', 'must be a non-empty string')))
    expect(checkDistinctId('Anonymous', 'properties.distinct_id', 'the user')).toStrictEqual(
      E.left(
        validationError(
          'properties.distinct_id',
          '"Anonymous" is a placeholder Mixpanel refuses as an id',
        ),
      ),
    )
  })
})
