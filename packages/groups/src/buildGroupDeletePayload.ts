import { either as E } from 'fp-ts'
import { groupOperation } from './groupOperation.ts'
import type { GroupBuilder, GroupDeleteInput } from './types.ts'

/**
 * Builds a `$delete` group update: deletes the whole group profile.
 * mixpanel-python: `group_delete(group_key, group_id, meta)`.
 * @example
 * import { buildGroupDeletePayload } from '@mp/groups'
 * buildGroupDeletePayload({ token: 't', groupKey: 'company', groupId: 'acme-inc' }, { now: () => 1_000_100 })
 * // Right({ endpoint: '/groups', auth: 'token', records: [{ $token: 't', $time: 1000.1, $group_key: 'company', $group_id: 'acme-inc', $delete: '' }] })
 */
export const buildGroupDeletePayload: GroupBuilder<GroupDeleteInput> = /*#__PURE__*/ groupOperation('$delete', () => E.right(''))
