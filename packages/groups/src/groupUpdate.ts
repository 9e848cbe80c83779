import { toAction, type Action } from '@mp/send'
import { buildGroupUpdatePayload } from './buildGroupUpdatePayload.ts'
import type { GroupUpdateInput } from './types.ts'

/**
 * Sends a raw group update message (`{ $group_key, $group_id, <$operation>: … }`). Curried config-first; the request is built by `buildGroupUpdatePayload` and sent to `/groups`.
 * @example
 * import { function as F } from 'fp-ts'
 * import { groupUpdate } from '@mp/groups'
 * const result = await F.pipe({ message: { $group_key: 'company', $group_id: 'acme-inc', $set: { plan: 'enterprise' } } }, groupUpdate({ token: 'YOUR_TOKEN' }))()
 * // Right({ endpoint: '/groups', records: 1, attempts: 1 })
 */
export const groupUpdate: Action<GroupUpdateInput> = /*#__PURE__*/ toAction(buildGroupUpdatePayload)
