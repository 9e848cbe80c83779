import { toAction, type Action } from '@mp/send'
import { buildGroupUnionPayload } from './buildGroupUnionPayload.ts'
import type { GroupUnionInput } from './types.ts'

/**
 * Adds list items to list properties of a group profile, skipping duplicates (`$union`). Curried config-first; the request is built by `buildGroupUnionPayload` and sent to `/groups`.
 * @example
 * import { function as F } from 'fp-ts'
 * import { groupUnion } from '@mp/groups'
 * const result = await F.pipe({ groupKey: 'company', groupId: 'acme-inc', properties: { regions: ['eu'] } }, groupUnion({ token: 'YOUR_TOKEN' }))()
 * // Right({ endpoint: '/groups', records: 1, attempts: 1 })
 */
export const groupUnion: Action<GroupUnionInput> = /*#__PURE__*/ toAction(buildGroupUnionPayload)
