import { groupOperation } from './groupOperation.ts'
import type { GroupUnsetInput, GroupBuilder } from './types.ts'

/**
 * Builds an `$unset` group update: removes the named properties. `properties` is a non-empty list of names.
 * mixpanel-python: `group_unset(group_key, group_id, properties, meta)`.
 * @example
 * import { buildGroupUnsetPayload } from '@mp/groups'
 * buildGroupUnsetPayload({ token: 't', groupKey: 'company', groupId: 'acme-inc', properties: ['trial_ends'] }, { now: () => 1_000_100 })
 * // Right({ endpoint: '/groups', auth: 'token', records: [{ $token: 't', $time: 1000.1, $group_key: 'company', $group_id: 'acme-inc', $unset: ['trial_ends'] }] })
 */
export const buildGroupUnsetPayload: GroupBuilder<GroupUnsetInput> = /*#__PURE__*/ groupOperation('$unset', 'names')
