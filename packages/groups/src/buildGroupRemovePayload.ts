import { groupOperation } from './groupOperation.ts'
import type { GroupPropertiesInput, GroupBuilder } from './types.ts'

/**
 * Builds a `$remove` group update: removes each value from the list property (no-op when absent).
 * mixpanel-python: `group_remove(group_key, group_id, properties, meta)`.
 * @example
 * import { buildGroupRemovePayload } from '@mp/groups'
 * buildGroupRemovePayload({ token: 't', groupKey: 'company', groupId: 'acme-inc', properties: { regions: 'eu' } }, { now: () => 1_000_100 })
 * // Right({ endpoint: '/groups', auth: 'token', records: [{ $token: 't', $time: 1000.1, $group_key: 'company', $group_id: 'acme-inc', $remove: { regions: 'eu' } }] })
 */
export const buildGroupRemovePayload: GroupBuilder<GroupPropertiesInput> = /*#__PURE__*/ groupOperation('$remove', 'properties')
