import { groupOperation } from './groupOperation.ts'
import type { GroupUnionInput, GroupBuilder } from './types.ts'

/**
 * Builds a `$union` group update: adds the items of each list to the list property, skipping items already there. Values must be non-empty lists.
 * mixpanel-python: `group_union(group_key, group_id, properties, meta)`.
 * @example
 * import { buildGroupUnionPayload } from '@mp/groups'
 * buildGroupUnionPayload({ token: 't', groupKey: 'company', groupId: 'acme-inc', properties: { regions: ['eu'] } }, { now: () => 1_000_100 })
 * // Right({ endpoint: '/groups', auth: 'token', records: [{ $token: 't', $time: 1000.1, $group_key: 'company', $group_id: 'acme-inc', $union: { regions: ['eu'] } }] })
 */
export const buildGroupUnionPayload: GroupBuilder<GroupUnionInput> = /*#__PURE__*/ groupOperation('$union', 'lists')
