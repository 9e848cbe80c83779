import { either as E } from 'fp-ts'
import * as v from 'valibot'
import { validationError, type ValidationError } from './errors.ts'
import { pathKey } from './toJson.ts'
import { unreadable } from './unreadable.ts'

// valibot names map keys and set members with other values; those add nothing a person could follow.
const issuePath = (root: string, issue: v.BaseIssue<unknown>): string =>
  (issue.path ?? []).reduce<string>((path, { key }) => (typeof key === 'string' || typeof key === 'number' ? pathKey(path, key) : path), root)

/**
 * Runs a valibot schema and lifts the outcome into an `Either`; the first issue becomes a
 * `ValidationError` whose path starts at `root`. Schemas carry their own human messages.
 * @example
 * import * as v from 'valibot'
 * const id = v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'))
 * validate(v.object({ id }), 'input')({ id: '' })
 * // Left({ _tag: 'ValidationError', path: 'input.id', message: 'Invalid input.id: must not be empty' })
 */
export const validate =
  <S extends v.GenericSchema>(schema: S, root = 'input') =>
  (input: unknown): E.Either<ValidationError, v.InferOutput<S>> => {
    try {
      const result = v.safeParse(schema, input, { abortEarly: true })
      if (result.success) return E.right(result.output)
      const issue = result.issues[0]
      return E.left(validationError(issuePath(root, issue), issue.message))
    } catch (e) {
      // valibot reads the input to describe it; a throwing getter or revoked Proxy must not escape.
      return E.left(unreadable(root, e))
    }
  }
