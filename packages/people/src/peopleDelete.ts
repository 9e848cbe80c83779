import { toAction, type Action } from '@mp/send'
import { buildPeopleDeletePayload } from './buildPeopleDeletePayload.ts'
import type { PeopleIdInput } from './types.ts'

/**
 * Deletes a user profile (`$delete`). Curried config-first; the request is built by `buildPeopleDeletePayload` and sent to `/engage`.
 * @example
 * import { function as F } from 'fp-ts'
 * import { peopleDelete } from '@mp/people'
 * const result = await F.pipe({ distinctId: 'user_1' }, peopleDelete({ token: 'YOUR_TOKEN' }))()
 * // Right({ endpoint: '/engage', records: 1, attempts: 1 })
 */
export const peopleDelete: Action<PeopleIdInput> = /*#__PURE__*/ toAction(buildPeopleDeletePayload)
