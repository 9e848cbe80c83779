import { either as E } from 'fp-ts'
import { validationError, type BuildEnv, type MixpanelRequest, type ValidationError } from '@mp/core'
import { identityRequest } from './identityRequest.ts'
import { readIdentityInput } from './readIdentityInput.ts'

/** What `merge` and `buildMergePayload` take. */
export interface MergeInput {
  readonly distinctId1: string
  readonly distinctId2: string
  /** Merged into the top level of the record (shallow), as mixpanel-python's `meta`. */
  readonly meta?: Readonly<Record<string, unknown>>
}

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
): E.Either<ValidationError, MixpanelRequest> => {
  const fields = readIdentityInput(
    input,
    "{ distinctId1: 'user_67890', distinctId2: 'user@example.com' }",
    ['distinctId1', 'the first of the two distinct ids to merge'],
    ['distinctId2', 'the second of the two distinct ids to merge'],
  )
  if (E.isLeft(fields)) return fields
  const [distinctId1, distinctId2, token, meta] = fields.right
  if (distinctId1 === distinctId2) {
    return E.left(validationError('distinctId2', `must differ from distinctId1 (both are ${JSON.stringify(distinctId1)})`))
  }
  return identityRequest(meta, '/import', 'secret', { event: '$merge', properties: { $distinct_ids: [distinctId1, distinctId2], token } })
}
