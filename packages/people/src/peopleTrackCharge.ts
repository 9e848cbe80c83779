import { toAction, type Action } from '@mp/send'
import { buildPeopleTrackChargePayload } from './buildPeopleTrackChargePayload.ts'
import type { PeopleTrackChargeInput } from './types.ts'

/**
 * Records a revenue charge on a user profile (appends to `$transactions`). Curried config-first; the request is built by `buildPeopleTrackChargePayload` and sent to `/engage`.
 * @example
 * import { function as F } from 'fp-ts'
 * import { peopleTrackCharge } from '@mp/people'
 * const result = await F.pipe({ distinctId: 'user_1', amount: 12.65 }, peopleTrackCharge({ token: 'YOUR_TOKEN' }))()
 * // Right({ endpoint: '/engage', records: 1, attempts: 1 })
 */
export const peopleTrackCharge: Action<PeopleTrackChargeInput> = /*#__PURE__*/ toAction(buildPeopleTrackChargePayload)
