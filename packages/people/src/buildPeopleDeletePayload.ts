import { either as E } from 'fp-ts'
import { profileOperation } from './profileOperation.ts'
import type { PeopleBuilder, PeopleIdInput } from './types.ts'

/**
 * Builds a `$delete` profile update: deletes the whole user profile (its events stay). Add
 * `meta: { $ignore_alias: true }` to delete a duplicate profile without following aliases.
 * mixpanel-python: `people_delete(distinct_id, meta)`.
 * @example
 * import { buildPeopleDeletePayload } from '@mp/people'
 * buildPeopleDeletePayload({ token: 't', distinctId: 'user_1' }, { now: () => 1_000_100 })
 * // Right({ endpoint: '/engage', auth: 'token', records: [{ $token: 't', $time: 1000.1, $distinct_id: 'user_1', $delete: '' }] })
 */
export const buildPeopleDeletePayload: PeopleBuilder<PeopleIdInput> = /*#__PURE__*/ profileOperation('$delete', () => E.right(''))
