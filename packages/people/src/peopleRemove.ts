import { toAction, type Action } from '@mp/send'
import { buildPeopleRemovePayload } from './buildPeopleRemovePayload.ts'
import type { PeoplePropertiesInput } from './types.ts'

/**
 * Removes values from list properties of a user profile (`$remove`). Curried config-first; the request is built by `buildPeopleRemovePayload` and sent to `/engage`.
 * @example
 * import { function as F } from 'fp-ts'
 * import { peopleRemove } from '@mp/people'
 * const result = await F.pipe({ distinctId: 'user_1', properties: { tags: 'beta' } }, peopleRemove({ token: 'YOUR_TOKEN' }))()
 * // Right({ endpoint: '/engage', records: 1, attempts: 1 })
 */
export const peopleRemove: Action<PeoplePropertiesInput> = /*#__PURE__*/ toAction(buildPeopleRemovePayload)
