import { either as E } from 'fp-ts'
import { profileUpdate, toJsonObject, validationError, type JsonObject, type ValidationError } from '@mp/core'
import { checkGroupRef } from './checkGroupRef.ts'
import type { GroupBuilder, GroupUpdateInput } from './types.ts'

const EXAMPLE = "{ message: { $group_key: 'company', $group_id: 'acme-inc', $set: { plan: 'enterprise' } } }"

const checkMessage = (message: unknown): E.Either<ValidationError, JsonObject> => {
  if (message === undefined) return E.left(validationError('message', `is required: a group update such as ${EXAMPLE}`))
  const json = toJsonObject(message, 'message')
  if (E.isLeft(json)) return json
  const ref = checkGroupRef(json.right['$group_key'], json.right['$group_id'], { key: 'message.$group_key', id: 'message.$group_id' })
  return E.isLeft(ref) ? ref : json
}

/**
 * Builds a raw group update, for operations without their own builder: the record is
 * `{ $token, $time, ...message, ...meta }`. The message must be JSON-safe and carry a non-empty
 * `$group_key` and `$group_id`; it may override `$token` and `$time`, as in mixpanel-python.
 * mixpanel-python: `group_update(message, meta)`.
 * @example
 * import { buildGroupUpdatePayload } from '@mp/groups'
 * buildGroupUpdatePayload({ token: 't', message: { $group_key: 'company', $group_id: 'acme-inc', $set: { plan: 'enterprise' } } }, { now: () => 1_000_100 })
 * // Right({ endpoint: '/groups', auth: 'token', records: [{ $token: 't', $time: 1000.1, $group_key: 'company', $group_id: 'acme-inc', $set: { plan: 'enterprise' } }] })
 */
export const buildGroupUpdatePayload: GroupBuilder<GroupUpdateInput> = /*#__PURE__*/ profileUpdate({
  endpoint: '/groups',
  example: EXAMPLE,
  message: (input) => checkMessage(input['message']),
})
