import { toAction, type Action } from '@mp/send'
import { buildGroupSetOncePayload } from './buildGroupSetOncePayload.ts'
import type { GroupPropertiesInput } from './types.ts'

/**
 * Sets properties a group profile does not have yet (`$set_once`). Curried config-first; the request is built by `buildGroupSetOncePayload` and sent to `/groups`.
 * @example
 * import { function as F } from 'fp-ts'
 * import { groupSetOnce } from '@mp/groups'
 * const result = await F.pipe({ groupKey: 'company', groupId: 'acme-inc', properties: { founded: 2009 } }, groupSetOnce({ token: 'YOUR_TOKEN' }))()
 * // Right({ endpoint: '/groups', records: 1, attempts: 1 })
 */
export const groupSetOnce: Action<GroupPropertiesInput> = /*#__PURE__*/ toAction(buildGroupSetOncePayload)
