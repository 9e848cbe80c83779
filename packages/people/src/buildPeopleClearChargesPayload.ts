import { either as E } from 'fp-ts'
import { profileOperation } from './profileOperation.ts'
import type { PeopleBuilder, PeopleIdInput } from './types.ts'

/**
 * Builds the profile update that clears a user's revenue history: `$unset` of `$transactions`.
 * mixpanel-python: `people_clear_charges(distinct_id, meta)`.
 * @example
 * import { buildPeopleClearChargesPayload } from '@mp/people'
 * buildPeopleClearChargesPayload({ token: 't', distinctId: 'user_1' }, { now: () => 1_000_100 })
 * // Right({ endpoint: '/engage', auth: 'token', records: [{ $token: 't', $time: 1000.1, $distinct_id: 'user_1', $unset: ['$transactions'] }] })
 */
export const buildPeopleClearChargesPayload: PeopleBuilder<PeopleIdInput> = /*#__PURE__*/ profileOperation('$unset', () => E.right(['$transactions']))
