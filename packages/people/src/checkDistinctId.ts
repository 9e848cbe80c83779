import type { either as E } from 'fp-ts'
import { checkDistinctId as checkId, type ValidationError } from '@mp/core'

/**
 * @internal Checks the id of the profile to change: a non-empty string that is not a placeholder
 * such as `'null'` or `'anon'`, which would merge unrelated users into one profile.
 * @example
 * checkDistinctId('user_1') // Right('user_1')
 * checkDistinctId('null')   // Left(ValidationError: … placeholder value …)
 */
export const checkDistinctId = (value: unknown, path = 'distinctId'): E.Either<ValidationError, string> =>
  checkId(value, path, 'the id of the user whose profile to change')
