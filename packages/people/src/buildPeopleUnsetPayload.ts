import { profileOperation } from './profileOperation.ts'
import type { PeopleUnsetInput, PeopleBuilder } from './types.ts'

/**
 * Builds an `$unset` profile update: removes the named properties from the profile. `properties` is a non-empty list of names.
 * mixpanel-python: `people_unset(distinct_id, properties, meta)`.
 * @example
 * import { buildPeopleUnsetPayload } from '@mp/people'
 * buildPeopleUnsetPayload({ token: 't', distinctId: 'user_1', properties: ['trial_ends'] }, { now: () => 1_000_100 })
 * // Right({ endpoint: '/engage', auth: 'token', records: [{ $token: 't', $time: 1000.1, $distinct_id: 'user_1', $unset: ['trial_ends'] }] })
 */
export const buildPeopleUnsetPayload: PeopleBuilder<PeopleUnsetInput> = /*#__PURE__*/ profileOperation('$unset', 'names')
