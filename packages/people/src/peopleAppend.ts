import { toAction, type Action } from '@mp/send'
import { buildPeopleAppendPayload } from './buildPeopleAppendPayload.ts'
import type { PeoplePropertiesInput } from './types.ts'

/**
 * Appends values to list properties of a user profile (`$append`). Curried config-first; the request is built by `buildPeopleAppendPayload` and sent to `/engage`.
 * @example
 * import { function as F } from 'fp-ts'
 * import { peopleAppend } from '@mp/people'
 * const result = await F.pipe({ distinctId: 'user_1', properties: { visited: '/pricing' } }, peopleAppend({ token: 'YOUR_TOKEN' }))()
 * // Right({ endpoint: '/engage', records: 1, attempts: 1 })
 */
export const peopleAppend: Action<PeoplePropertiesInput> = /*#__PURE__*/ toAction(buildPeopleAppendPayload)
