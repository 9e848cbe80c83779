import { either as E } from 'fp-ts'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { validationError } from './errors.ts'
import { distinctIdSchema } from './distinctIdSchema.ts'
import { isPlaceholderId } from './ids.ts'
import { validate } from './validate.ts'

describe('placeholder ids', () => {
  it.each(['anon', 'NULL', ' undefined ', '0', '-1', '00000000-0000-0000-0000-000000000000', '[]', 'None'])('%j is a placeholder', (id) => {
    expect(isPlaceholderId(id)).toBe(true)
  })

  it('lets real ids through', () => {
    expect(isPlaceholderId('user_67890')).toBe(false)
    expect(v.safeParse(distinctIdSchema, 'anonymous_12345').success).toBe(true)
  })

  it('explains why a placeholder is refused', () => {
    expect(validate(distinctIdSchema, 'distinctId')('null')).toEqual(
      E.left(
        validationError(
          'distinctId',
          '"null" is a placeholder Mixpanel refuses as an id',
        ),
      ),
    )
  })
})
