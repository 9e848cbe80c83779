import { toAction, type Action } from '@mp/send'
import { buildGroupSetPayload } from './buildGroupSetPayload.ts'
import type { GroupPropertiesInput } from './types.ts'

/**
 * Sets properties on a group profile (`$set`), overwriting present values. Curried config-first; the request is built by `buildGroupSetPayload` and sent to `/groups`.
 * @example
 * import { function as F } from 'fp-ts'
 * import { groupSet } from '@mp/groups'
 * const result = await F.pipe({ groupKey: 'company', groupId: 'acme-inc', properties: { plan: 'enterprise' } }, groupSet({ token: 'YOUR_TOKEN' }))()
 * // Right({ endpoint: '/groups', records: 1, attempts: 1 })
 */
export const groupSet: Action<GroupPropertiesInput> = /*#__PURE__*/ toAction(buildGroupSetPayload)
