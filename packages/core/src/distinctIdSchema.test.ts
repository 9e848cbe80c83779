import { either as E } from 'fp-ts'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { distinctIdSchema } from './distinctIdSchema.ts'
import { validationError } from './errors.ts'
import { validate } from './validate.ts'

describe('distinctIdSchema', () => {
  it('accepts a real id', () => {
    expect(v.safeParse(distinctIdSchema, 'user_67890').success).toBe(true)
  })

  it('gives the same reasons as distinctIdProblem', () => {
    expect(validate(distinctIdSchema, 'distinctId')(42)).toStrictEqual(E.left(validationError('distinctId', 'must be a string')))
    expect(validate(distinctIdSchema, 'distinctId')(' ')).toStrictEqual(E.left(validationError('distinctId', 'must be a non-empty string')))
    expect(validate(distinctIdSchema, 'distinctId')('None')).toStrictEqual(
      E.left(validationError('distinctId', '"None" is a placeholder Mixpanel refuses as an id')),
    )
  })
})
