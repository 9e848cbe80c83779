import { toAction, type Action } from '@mp/send'
import { buildPeopleUpdatePayload } from './buildPeopleUpdatePayload.ts'
import type { PeopleUpdateInput } from './types.ts'

/**
 * Sends a raw profile update message (`{ $distinct_id, <$operation>: … }`). Curried config-first; the request is built by `buildPeopleUpdatePayload` and sent to `/engage`.
 * @example
 * import { function as F } from 'fp-ts'
 * import { peopleUpdate } from '@mp/people'
 * const result = await F.pipe({ message: { $distinct_id: 'user_1', $set: { plan: 'pro' } } }, peopleUpdate({ token: 'YOUR_TOKEN' }))()
 * // Right({ endpoint: '/engage', records: 1, attempts: 1 })
 */
export const peopleUpdate: Action<PeopleUpdateInput> = /*#__PURE__*/ toAction(buildPeopleUpdatePayload)
