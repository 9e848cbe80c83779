import * as v from 'valibot'
import { distinctIdProblem } from './distinctIdProblem.ts'

/**
 * A valibot schema for an id Mixpanel will accept as a `distinct_id`: a non-empty string that is
 * not a placeholder value. The same rule as `distinctIdProblem`, for callers who compose schemas.
 * @example
 * import * as v from 'valibot'
 * v.safeParse(distinctIdSchema, 'null').success // false
 */
export const distinctIdSchema = v.pipe(
  v.string('must be a string'),
  v.check(
    (id) => distinctIdProblem(id) === undefined,
    (issue) => distinctIdProblem(issue.input) ?? 'must be a usable id',
  ),
)
