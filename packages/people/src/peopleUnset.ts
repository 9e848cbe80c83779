import { toAction, type Action } from '@mp/send'
import { buildPeopleUnsetPayload } from './buildPeopleUnsetPayload.ts'
import type { PeopleUnsetInput } from './types.ts'

/**
 * Removes properties from a user profile (`$unset`). Curried config-first; the request is built by `buildPeopleUnsetPayload` and sent to `/engage`.
 * @example
 * import { function as F } from 'fp-ts'
 * import { peopleUnset } from '@mp/people'
 * const result = await F.pipe({ distinctId: 'user_1', properties: ['trial_ends'] }, peopleUnset({ token: 'YOUR_TOKEN' }))()
 * // Right({ endpoint: '/engage', records: 1, attempts: 1 })
 */
export const peopleUnset: Action<PeopleUnsetInput> = /*#__PURE__*/ toAction(buildPeopleUnsetPayload)
