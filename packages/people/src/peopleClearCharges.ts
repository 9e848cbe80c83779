import { toAction, type Action } from '@mp/send'
import { buildPeopleClearChargesPayload } from './buildPeopleClearChargesPayload.ts'
import type { PeopleIdInput } from './types.ts'

/**
 * Clears a user profile's revenue history (unsets `$transactions`). Curried config-first; the request is built by `buildPeopleClearChargesPayload` and sent to `/engage`.
 * @example
 * import { function as F } from 'fp-ts'
 * import { peopleClearCharges } from '@mp/people'
 * const result = await F.pipe({ distinctId: 'user_1' }, peopleClearCharges({ token: 'YOUR_TOKEN' }))()
 * // Right({ endpoint: '/engage', records: 1, attempts: 1 })
 */
export const peopleClearCharges: Action<PeopleIdInput> = /*#__PURE__*/ toAction(buildPeopleClearChargesPayload)
