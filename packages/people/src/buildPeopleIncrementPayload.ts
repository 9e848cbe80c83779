import { profileOperation } from './profileOperation.ts'
import type { PeopleIncrementInput, PeopleBuilder } from './types.ts'

/**
 * Builds an `$add` profile update: adds each number to the property (a missing one counts as 0; negative subtracts). Values must be finite numbers.
 * mixpanel-python: `people_increment(distinct_id, properties, meta)`.
 * @example
 * import { buildPeopleIncrementPayload } from '@mp/people'
 * buildPeopleIncrementPayload({ token: 't', distinctId: 'user_1', properties: { logins: 1 } }, { now: () => 1_000_100 })
 * // Right({ endpoint: '/engage', auth: 'token', records: [{ $token: 't', $time: 1000.1, $distinct_id: 'user_1', $add: { logins: 1 } }] })
 */
export const buildPeopleIncrementPayload: PeopleBuilder<PeopleIncrementInput> = /*#__PURE__*/ profileOperation('$add', 'numbers')
