import { either as E } from 'fp-ts'
import { distinctIdSchema, validate, type ValidationError } from '@mp/core'

/**
 * Checks a distinct id with core's `distinctIdSchema`: a non-empty string that is not a
 * placeholder such as `"null"` or `"anonymous"`, which would merge unrelated users.
 * @example
 * validateDistinctId('user_1', 'distinctId') // Right('user_1')
 * validateDistinctId('null', 'distinctId')   // Left(ValidationError: … placeholder …)
 */
export const validateDistinctId = (id: unknown, path: string): E.Either<ValidationError, string> =>
  validate(distinctIdSchema, path)(id)
