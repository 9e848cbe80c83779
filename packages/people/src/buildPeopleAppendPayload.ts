import { profileOperation } from './profileOperation.ts'
import type { PeoplePropertiesInput, PeopleBuilder } from './types.ts'

/**
 * Builds an `$append` profile update: appends each value to the list property (duplicates kept; a missing list starts with the value).
 * mixpanel-python: `people_append(distinct_id, properties, meta)`.
 * @example
 * import { buildPeopleAppendPayload } from '@mp/people'
 * buildPeopleAppendPayload({ token: 't', distinctId: 'user_1', properties: { visited: '/pricing' } }, { now: () => 1_000_100 })
 * // Right({ endpoint: '/engage', auth: 'token', records: [{ $token: 't', $time: 1000.1, $distinct_id: 'user_1', $append: { visited: '/pricing' } }] })
 */
export const buildPeopleAppendPayload: PeopleBuilder<PeoplePropertiesInput> = /*#__PURE__*/ profileOperation('$append', 'properties')
