import { either as E } from 'fp-ts'
import { profileUpdate, toJsonObject, validationError, type JsonObject, type ValidationError } from '@mp/core'
import { checkDistinctId } from './checkDistinctId.ts'
import type { PeopleBuilder, PeopleUpdateInput } from './types.ts'

const EXAMPLE = "{ message: { $distinct_id: 'user_1', $set: { plan: 'pro' } } }"

const checkMessage = (message: unknown): E.Either<ValidationError, JsonObject> => {
  if (message === undefined) return E.left(validationError('message', `is required: a profile update such as ${EXAMPLE}`))
  const json = toJsonObject(message, 'message')
  if (E.isLeft(json)) return json
  const id = checkDistinctId(json.right['$distinct_id'], 'message.$distinct_id')
  return E.isLeft(id) ? id : json
}

/**
 * Builds a raw profile update, for operations without their own builder: the record is
 * `{ $token, $time, ...message, ...meta }`. The message must be JSON-safe and carry a valid
 * `$distinct_id`; it may override `$token` and `$time`, as in mixpanel-python.
 * mixpanel-python: `people_update(message, meta)`.
 * @example
 * import { buildPeopleUpdatePayload } from '@mp/people'
 * buildPeopleUpdatePayload({ token: 't', message: { $distinct_id: 'user_1', $set: { plan: 'pro' } } }, { now: () => 1_000_100 })
 * // Right({ endpoint: '/engage', auth: 'token', records: [{ $token: 't', $time: 1000.1, $distinct_id: 'user_1', $set: { plan: 'pro' } }] })
 */
export const buildPeopleUpdatePayload: PeopleBuilder<PeopleUpdateInput> = /*#__PURE__*/ profileUpdate({
  endpoint: '/engage',
  example: EXAMPLE,
  message: (input) => checkMessage(input['message']),
})
