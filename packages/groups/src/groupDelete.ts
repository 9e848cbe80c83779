import { toAction, type Action } from '@mp/send'
import { buildGroupDeletePayload } from './buildGroupDeletePayload.ts'
import type { GroupDeleteInput } from './types.ts'

/**
 * Deletes a group profile (`$delete`). Curried config-first; the request is built by `buildGroupDeletePayload` and sent to `/groups`.
 * @example
 * import { function as F } from 'fp-ts'
 * import { groupDelete } from '@mp/groups'
 * const result = await F.pipe({ groupKey: 'company', groupId: 'acme-inc' }, groupDelete({ token: 'YOUR_TOKEN' }))()
 * // Right({ endpoint: '/groups', records: 1, attempts: 1 })
 */
export const groupDelete: Action<GroupDeleteInput> = /*#__PURE__*/ toAction(buildGroupDeletePayload)
