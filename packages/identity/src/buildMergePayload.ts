import type { either as E } from 'fp-ts'
import type { BuildEnv, MixpanelRequest, ValidationError } from '@mp/core'
import { identityBuilder } from './identityBuilder.ts'

/** What `merge` and `buildMergePayload` take. */
export interface MergeInput {
  readonly distinctId1: string
  readonly distinctId2: string
  /** Merged into the top level of the record (shallow), as mixpanel-python's `meta`. */
  readonly meta?: Readonly<Record<string, unknown>>
}

const build = identityBuilder({
  event: '$merge',
  endpoint: '/import',
  auth: 'secret',
  first: { key: 'distinctId1', hint: 'the first of the two distinct ids to merge' },
  second: { key: 'distinctId2', hint: 'the second of the two distinct ids to merge' },
  sameIds: {
    reportOn: 'distinctId2',
    message: (id) => `must differ from distinctId1 (both are ${JSON.stringify(id)}); merging an id with itself does nothing`,
  },
  example: "{ distinctId1: 'user_67890', distinctId2: 'user@example.com' }",
  properties: (ids, token) => ({ $distinct_ids: [ids.distinctId1, ids.distinctId2], token }),
})

/**
 * Builds the `$merge` request that joins the identity clusters of two distinct ids (Original ID
 * Merge; irreversible): `/import`, auth `'secret'` (so sending needs `apiSecret` or
 * `serviceAccount`), one record `{ event: '$merge', properties: { $distinct_ids: [id1, id2], token }, ...meta }`,
 * exactly as mixpanel-python 5.3. Pure; never throws. Refuses missing, empty, placeholder or equal ids.
 * @example
 * import { buildMergePayload } from '@mp/identity'
 * buildMergePayload({ distinctId1: 'user_67890', distinctId2: 'user@example.com', token: 'YOUR_TOKEN' })
 * // Right({ endpoint: '/import', auth: 'secret', records: [{ event: '$merge',
 * //   properties: { $distinct_ids: ['user_67890', 'user@example.com'], token: 'YOUR_TOKEN' } }] })
 */
export const buildMergePayload = (
  input: MergeInput & { readonly token: string },
  _env?: BuildEnv,
): E.Either<ValidationError, MixpanelRequest> => build(input)
