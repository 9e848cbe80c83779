import { groupOperation } from './groupOperation.ts'
import type { GroupPropertiesInput, GroupBuilder } from './types.ts'

/**
 * Builds a `$set_once` group update: sets only the properties the group profile does not have yet.
 * mixpanel-python: `group_set_once(group_key, group_id, properties, meta)`.
 * @example
 * import { buildGroupSetOncePayload } from '@mp/groups'
 * buildGroupSetOncePayload({ token: 't', groupKey: 'company', groupId: 'acme-inc', properties: { founded: 2009 } }, { now: () => 1_000_100 })
 * // Right({ endpoint: '/groups', auth: 'token', records: [{ $token: 't', $time: 1000.1, $group_key: 'company', $group_id: 'acme-inc', $set_once: { founded: 2009 } }] })
 */
export const buildGroupSetOncePayload: GroupBuilder<GroupPropertiesInput> = /*#__PURE__*/ groupOperation('$set_once', 'properties')
