import { toAction, type Action } from '@mp/send'
import { buildPeopleIncrementPayload } from './buildPeopleIncrementPayload.ts'
import type { PeopleIncrementInput } from './types.ts'

/**
 * Adds numbers to numeric profile properties (`$add`). Curried config-first; the request is built by `buildPeopleIncrementPayload` and sent to `/engage`.
 * @example
 * import { function as F } from 'fp-ts'
 * import { peopleIncrement } from '@mp/people'
 * const result = await F.pipe({ distinctId: 'user_1', properties: { logins: 1 } }, peopleIncrement({ token: 'YOUR_TOKEN' }))()
 * // Right({ endpoint: '/engage', records: 1, attempts: 1 })
 */
export const peopleIncrement: Action<PeopleIncrementInput> = /*#__PURE__*/ toAction(buildPeopleIncrementPayload)
