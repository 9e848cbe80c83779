import { either as E } from 'fp-ts'
import { isPlaceholderId, validationError, type ValidationError } from '@mp/core'

const FORMAT = /^[A-Za-z0-9-]{1,36}$/

/**
 * Checks an `$insert_id` against Mixpanel's rule: 1 to 36 characters of `A-Z a-z 0-9 -`, and not a
 * placeholder value (Mixpanel refuses those as insert ids too).
 * @example
 * validateInsertId('abc123', 'properties.$insert_id')   // Right('abc123')
 * validateInsertId('a_b', 'properties.$insert_id')      // Left(… at most 36 characters of A-Z, a-z, 0-9 and '-' …)
 */
export const validateInsertId = (id: unknown, path: string): E.Either<ValidationError, string> => {
  if (typeof id !== 'string') return E.left(validationError(path, `must be a string, got ${id === null ? 'null' : typeof id}`))
  if (!FORMAT.test(id)) {
    return E.left(
      validationError(path, `must be 1 to 36 characters of A-Z, a-z, 0-9 and '-' (Mixpanel's rule for deduplication keys), got ${JSON.stringify(id)}`),
    )
  }
  if (isPlaceholderId(id)) return E.left(validationError(path, `${JSON.stringify(id)} is a placeholder value Mixpanel refuses as an insert id`))
  return E.right(id)
}
