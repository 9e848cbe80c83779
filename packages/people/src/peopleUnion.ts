import { toAction, type Action } from '@mp/send'
import { buildPeopleUnionPayload } from './buildPeopleUnionPayload.ts'
import type { PeopleUnionInput } from './types.ts'

/**
 * Adds list items to list properties of a user profile, skipping duplicates (`$union`). Curried config-first; the request is built by `buildPeopleUnionPayload` and sent to `/engage`.
 * @example
 * import { function as F } from 'fp-ts'
 * import { peopleUnion } from '@mp/people'
 * const result = await F.pipe({ distinctId: 'user_1', properties: { tags: ['beta'] } }, peopleUnion({ token: 'YOUR_TOKEN' }))()
 * // Right({ endpoint: '/engage', records: 1, attempts: 1 })
 */
export const peopleUnion: Action<PeopleUnionInput> = /*#__PURE__*/ toAction(buildPeopleUnionPayload)
