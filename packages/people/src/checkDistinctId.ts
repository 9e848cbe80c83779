import type { either as E } from 'fp-ts'
import * as v from 'valibot'
import { distinctIdSchema, validate, type ValidationError, describeValue } from '@mp/core'

const schema = /*#__PURE__*/ v.pipe(
  v.unknown(),
  v.check((x) => x !== undefined, 'is required: the id of the user whose profile to change'),
  v.check((x) => typeof x === 'string', (issue) => `must be a string, got ${describeValue(issue.input)}`),
  distinctIdSchema,
)

/**
 * @internal Checks the id of the profile to change: a non-empty string that is not a placeholder
 * such as `'null'` or `'anon'`, which would merge unrelated users into one profile.
 * @example
 * checkDistinctId('user_1') // Right('user_1')
 * checkDistinctId('null')   // Left(ValidationError: … placeholder value …)
 */
export const checkDistinctId = (value: unknown, path = 'distinctId'): E.Either<ValidationError, string> => validate(schema, path)(value)
