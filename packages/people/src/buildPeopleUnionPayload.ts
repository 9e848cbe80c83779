import { profileOperation } from './profileOperation.ts'
import type { PeopleUnionInput, PeopleBuilder } from './types.ts'

/**
 * Builds a `$union` profile update: adds the items of each list to the list property, skipping items already there. Values must be non-empty lists.
 * mixpanel-python: `people_union(distinct_id, properties, meta)`.
 * @example
 * import { buildPeopleUnionPayload } from '@mp/people'
 * buildPeopleUnionPayload({ token: 't', distinctId: 'user_1', properties: { tags: ['beta'] } }, { now: () => 1_000_100 })
 * // Right({ endpoint: '/engage', auth: 'token', records: [{ $token: 't', $time: 1000.1, $distinct_id: 'user_1', $union: { tags: ['beta'] } }] })
 */
export const buildPeopleUnionPayload: PeopleBuilder<PeopleUnionInput> = /*#__PURE__*/ profileOperation('$union', 'lists')
