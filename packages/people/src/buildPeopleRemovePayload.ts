import { profileOperation } from './profileOperation.ts'
import type { PeoplePropertiesInput, PeopleBuilder } from './types.ts'

/**
 * Builds a `$remove` profile update: removes each value from the list property (no-op when absent).
 * mixpanel-python: `people_remove(distinct_id, properties, meta)`.
 * @example
 * import { buildPeopleRemovePayload } from '@mp/people'
 * buildPeopleRemovePayload({ token: 't', distinctId: 'user_1', properties: { tags: 'beta' } }, { now: () => 1_000_100 })
 * // Right({ endpoint: '/engage', auth: 'token', records: [{ $token: 't', $time: 1000.1, $distinct_id: 'user_1', $remove: { tags: 'beta' } }] })
 */
export const buildPeopleRemovePayload: PeopleBuilder<PeoplePropertiesInput> = /*#__PURE__*/ profileOperation('$remove', 'properties')
