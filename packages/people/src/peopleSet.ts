import { toAction, type Action } from '@mp/send'
import { buildPeopleSetPayload } from './buildPeopleSetPayload.ts'
import type { PeoplePropertiesInput } from './types.ts'

/**
 * Sets properties on a user profile (`$set`), overwriting present values. Curried config-first; the request is built by `buildPeopleSetPayload` and sent to `/engage`.
 * @example
 * import { function as F } from 'fp-ts'
 * import { peopleSet } from '@mp/people'
 * const result = await F.pipe({ distinctId: 'user_1', properties: { plan: 'pro' } }, peopleSet({ token: 'YOUR_TOKEN' }))()
 * // Right({ endpoint: '/engage', records: 1, attempts: 1 })
 */
export const peopleSet: Action<PeoplePropertiesInput> = /*#__PURE__*/ toAction(buildPeopleSetPayload)
