import { groupOperation } from './groupOperation.ts'
import type { GroupPropertiesInput, GroupBuilder } from './types.ts'

/**
 * Builds a `$set` group update: sets each property on the group profile, overwriting present values, and creates the profile if needed.
 * mixpanel-python: `group_set(group_key, group_id, properties, meta)`.
 * @example
 * import { buildGroupSetPayload } from '@mp/groups'
 * buildGroupSetPayload({ token: 't', groupKey: 'company', groupId: 'acme-inc', properties: { plan: 'enterprise' } }, { now: () => 1_000_100 })
 * // Right({ endpoint: '/groups', auth: 'token', records: [{ $token: 't', $time: 1000.1, $group_key: 'company', $group_id: 'acme-inc', $set: { plan: 'enterprise' } }] })
 */
export const buildGroupSetPayload: GroupBuilder<GroupPropertiesInput> = /*#__PURE__*/ groupOperation('$set', 'properties')
