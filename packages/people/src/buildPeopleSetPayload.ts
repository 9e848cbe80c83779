import { profileOperation } from './profileOperation.ts'
import type { PeoplePropertiesInput, PeopleBuilder } from './types.ts'

/**
 * Builds a `$set` profile update: sets each property, overwriting present values, and creates the profile if needed.
 * mixpanel-python: `people_set(distinct_id, properties, meta)`.
 * @example
 * import { buildPeopleSetPayload } from '@mp/people'
 * buildPeopleSetPayload({ token: 't', distinctId: 'user_1', properties: { plan: 'pro' } }, { now: () => 1_000_100 })
 * // Right({ endpoint: '/engage', auth: 'token', records: [{ $token: 't', $time: 1000.1, $distinct_id: 'user_1', $set: { plan: 'pro' } }] })
 */
export const buildPeopleSetPayload: PeopleBuilder<PeoplePropertiesInput> = /*#__PURE__*/ profileOperation('$set', 'properties')
