import { either as E } from 'fp-ts'
import { validationError, type ValidationError, describeValue } from '@mp/core'

const nonEmpty = (value: unknown, path: string, example: string): E.Either<ValidationError, string> =>
  typeof value === 'string' && value.trim() !== ''
    ? E.right(value)
    : E.left(validationError(path, value === undefined ? `is required: a non-empty string such as ${example}` : `must be a non-empty string such as ${example}, got ${typeof value === 'string' ? 'an empty string' : describeValue(value)}`))

/**
 * @internal Checks which group profile an update targets and returns the record's identity keys,
 * `{ $group_key, $group_id }`. `paths` names the two fields as the caller wrote them.
 * @example
 * checkGroupRef('company', 'acme') // Right({ $group_key: 'company', $group_id: 'acme' })
 */
export const checkGroupRef = (
  groupKey: unknown,
  groupId: unknown,
  paths: { readonly key: string; readonly id: string } = { key: 'groupKey', id: 'groupId' },
): E.Either<ValidationError, { readonly $group_key: string; readonly $group_id: string }> => {
  const key = nonEmpty(groupKey, paths.key, "'company'")
  if (E.isLeft(key)) return key
  const id = nonEmpty(groupId, paths.id, "'acme-inc'")
  return E.isLeft(id) ? id : E.right({ $group_key: key.right, $group_id: id.right })
}
