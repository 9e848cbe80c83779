import { profileOperation } from './profileOperation.ts'
import type { PeoplePropertiesInput, PeopleBuilder } from './types.ts'

/**
 * Builds a `$set_once` profile update: sets only the properties the profile does not have yet (e.g. a first-seen date).
 * mixpanel-python: `people_set_once(distinct_id, properties, meta)`.
 * @example
 * import { buildPeopleSetOncePayload } from '@mp/people'
 * buildPeopleSetOncePayload({ token: 't', distinctId: 'user_1', properties: { first_seen: new Date(Date.UTC(2024, 0, 2)) } }, { now: () => 1_000_100 })
 * // Right({ endpoint: '/engage', auth: 'token', records: [{ $token: 't', $time: 1000.1, $distinct_id: 'user_1', $set_once: { first_seen: '2024-01-02T00:00:00' } }] })
 */
export const buildPeopleSetOncePayload: PeopleBuilder<PeoplePropertiesInput> = /*#__PURE__*/ profileOperation('$set_once', 'properties')
