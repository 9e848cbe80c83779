import { either as E } from 'fp-ts'
import { describeValue } from './describeValue.ts'
import { distinctIdProblem } from './distinctIdProblem.ts'
import { validationError, type ValidationError } from './errors.ts'

/**
 * Checks a value meant as a `distinct_id` and answers it as a string: refuses anything but a
 * string (saying what it got), an empty id and a placeholder such as `'null'` or `'anon'`, which
 * would merge unrelated users. `hint` says what the id is for, shown when it is missing.
 * @example
 * checkDistinctId('user_67890', 'distinctId', 'the id of the user') // Right('user_67890')
 * checkDistinctId(undefined, 'aliasId', "the new id, e.g. 'user_67890'")
 * // Left({ _tag: 'ValidationError', path: 'aliasId', message: "Invalid aliasId: is required: the new id, e.g. 'user_67890'" })
 */
export const checkDistinctId = (value: unknown, path: string, hint: string): E.Either<ValidationError, string> => {
  const problem =
    typeof value === 'string' ? distinctIdProblem(value) : value === undefined ? `is required: ${hint}` : `must be a string, got ${describeValue(value)}`
  return problem === undefined ? E.right(value as string) : E.left(validationError(path, problem))
}
