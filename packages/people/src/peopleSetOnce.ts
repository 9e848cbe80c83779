import { toAction, type Action } from '@mp/send'
import { buildPeopleSetOncePayload } from './buildPeopleSetOncePayload.ts'
import type { PeoplePropertiesInput } from './types.ts'

/**
 * Sets properties a user profile does not have yet (`$set_once`). Curried config-first; the request is built by `buildPeopleSetOncePayload` and sent to `/engage`.
 * @example
 * import { function as F } from 'fp-ts'
 * import { peopleSetOnce } from '@mp/people'
 * const result = await F.pipe({ distinctId: 'user_1', properties: { first_seen: new Date() } }, peopleSetOnce({ token: 'YOUR_TOKEN' }))()
 * // Right({ endpoint: '/engage', records: 1, attempts: 1 })
 */
export const peopleSetOnce: Action<PeoplePropertiesInput> = /*#__PURE__*/ toAction(buildPeopleSetOncePayload)
