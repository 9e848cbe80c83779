import { either as E } from 'fp-ts'
import { checkDistinctId, describeValue, unreadable, validationError, type ValidationError } from '@mp/core'

/** One of the two ids an identity event links: its field name and the hint shown when it is missing. */
export type IdField = readonly [key: string, hint: string]

/**
 * @internal Reads what every identity event needs and answers `[first id, second id, token, meta]`,
 * `meta` still unchecked. Refuses an `input` that is not an object (`example` shows one), then the
 * first bad field in order: an id missing, not a string, empty or a placeholder; a token that is
 * not a non-empty string. Never throws: every field is read once, up front, so a throwing getter
 * or Proxy is a `ValidationError` naming the field it guards.
 * @example
 * readIdentityInput({ aliasId: 'u_1', original: 'a_1', token: 't' }, '{ aliasId, original }', ['aliasId', 'the new id'], ['original', 'the id in use'])
 * // Right(['u_1', 'a_1', 't', undefined])
 */
export const readIdentityInput = (
  input: unknown,
  example: string,
  first: IdField,
  second: IdField,
): E.Either<ValidationError, readonly [string, string, string, unknown]> => {
  // Any object but an array or a Date; an object that cannot even be inspected (a revoked Proxy) is refused here too.
  const kind = describeValue(input)
  if (kind !== 'object') return E.left(validationError('input', `must be an object such as ${example}, got ${kind}`))
  const fields: unknown[] = []
  let reading = 'input'
  try {
    // Touches every own key once: a Proxy whose traps throw is refused as a whole.
    Object.keys(input as object)
    for (const key of [first[0], second[0], 'token', 'meta']) {
      reading = key
      fields.push((input as Record<string, unknown>)[key])
    }
  } catch (e) {
    return E.left(unreadable(reading, e))
  }
  const [firstValue, secondValue, token, meta] = fields
  const firstId = checkDistinctId(firstValue, first[0], first[1])
  if (E.isLeft(firstId)) return firstId
  const secondId = checkDistinctId(secondValue, second[0], second[1])
  if (E.isLeft(secondId)) return secondId
  if (typeof token !== 'string' || token.trim() === '') return E.left(validationError('token', 'must be your project token, a non-empty string'))
  return E.right([firstId.right, secondId.right, token, meta])
}
