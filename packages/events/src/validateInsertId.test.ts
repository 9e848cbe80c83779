import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { validateInsertId } from './validateInsertId.ts'

const path = 'properties.$insert_id'

describe('validateInsertId', () => {
  it('accepts up to 36 characters of letters, digits and -', () => {
    expect(validateInsertId('abc123', path)).toEqual(E.right('abc123'))
    expect(validateInsertId('0123456789-abcdefghijklmnopqrstuvwxy', path)).toEqual(E.right('0123456789-abcdefghijklmnopqrstuvwxy'))
  })

  it.each([['a'.repeat(37)], ['has_underscore'], [''], ['ünï']])('refuses %j', (id) => {
    expect(validateInsertId(id, path)).toEqual(
      E.left({
        _tag: 'ValidationError',
        path,
        message: `Invalid ${path}: must be 1 to 36 characters of A-Z, a-z, 0-9 and '-' (Mixpanel's rule for deduplication keys), got ${JSON.stringify(id)}`,
      }),
    )
  })

  it('refuses placeholders and non-strings', () => {
    expect(validateInsertId('NULL', path)).toEqual(E.left({ _tag: 'ValidationError', path, message: `Invalid ${path}: "NULL" is a placeholder value Mixpanel refuses as an insert id` }))
    expect(validateInsertId(12, path)).toEqual(E.left({ _tag: 'ValidationError', path, message: `Invalid ${path}: must be a string, got number` }))
  })
})
