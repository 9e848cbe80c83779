import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { checkDistinctId } from './checkDistinctId.ts'

describe('checkDistinctId', () => {
  it('accepts a real id unchanged', () => {
    expect(checkDistinctId('user_67890')).toStrictEqual(E.right('user_67890'))
  })

  it('reports at the given path', () => {
    expect(checkDistinctId(undefined, 'message.$distinct_id')).toStrictEqual(
      E.left({ _tag: 'ValidationError', path: 'message.$distinct_id', message: 'Invalid message.$distinct_id: is required: the id of the user whose profile to change' }),
    )
    expect(checkDistinctId(['u1'])).toStrictEqual(E.left({ _tag: 'ValidationError', path: 'distinctId', message: 'Invalid distinctId: must be a string, got an array' }))
  })

  it('refuses placeholders whatever their case', () => {
    expect(E.isLeft(checkDistinctId('Anonymous'))).toBe(true)
  })
})
