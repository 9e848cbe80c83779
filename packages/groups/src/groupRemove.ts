import { toAction, type Action } from '@mp/send'
import { buildGroupRemovePayload } from './buildGroupRemovePayload.ts'
import type { GroupPropertiesInput } from './types.ts'

/**
 * Removes values from list properties of a group profile (`$remove`). Curried config-first; the request is built by `buildGroupRemovePayload` and sent to `/groups`.
 * @example
 * import { function as F } from 'fp-ts'
 * import { groupRemove } from '@mp/groups'
 * const result = await F.pipe({ groupKey: 'company', groupId: 'acme-inc', properties: { regions: 'eu' } }, groupRemove({ token: 'YOUR_TOKEN' }))()
 * // Right({ endpoint: '/groups', records: 1, attempts: 1 })
 */
export const groupRemove: Action<GroupPropertiesInput> = /*#__PURE__*/ toAction(buildGroupRemovePayload)
