import { toAction, type Action } from '@mp/send'
import { buildGroupUnsetPayload } from './buildGroupUnsetPayload.ts'
import type { GroupUnsetInput } from './types.ts'

/**
 * Removes properties from a group profile (`$unset`). Curried config-first; the request is built by `buildGroupUnsetPayload` and sent to `/groups`.
 * @example
 * import { function as F } from 'fp-ts'
 * import { groupUnset } from '@mp/groups'
 * const result = await F.pipe({ groupKey: 'company', groupId: 'acme-inc', properties: ['trial_ends'] }, groupUnset({ token: 'YOUR_TOKEN' }))()
 * // Right({ endpoint: '/groups', records: 1, attempts: 1 })
 */
export const groupUnset: Action<GroupUnsetInput> = /*#__PURE__*/ toAction(buildGroupUnsetPayload)
