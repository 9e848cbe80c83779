import { either as E } from 'fp-ts'
import { validationError, type BuildEnv, type MixpanelRequest, type ValidationError } from '@mp/core'
import { identityRequest } from './identityRequest.ts'
import { readIdentityInput } from './readIdentityInput.ts'

/** What `identify` and `buildIdentifyPayload` take. */
export interface IdentifyInput {
  /** The known id the person has now, e.g. after login. */
  readonly identifiedId: string
  /** The anonymous id their earlier events carry. */
  readonly anonId: string
  /** Merged into the top level of the record (shallow). */
  readonly meta?: Readonly<Record<string, unknown>>
}

/**
 * Builds the `$identify` request that links an anonymous id to a known one (Original ID Merge):
 * `/track`, token auth, one record
 * `{ event: '$identify', properties: { $identified_id, $anon_id, token }, ...meta }`. Pure; never throws.
 * Refuses missing, empty, placeholder or equal ids.
 * @example
 * import { buildIdentifyPayload } from '@mp/identity'
 * buildIdentifyPayload({ identifiedId: 'user_67890', anonId: 'anonymous_12345', token: 'YOUR_TOKEN' })
 * // Right({ endpoint: '/track', auth: 'token', records: [{ event: '$identify',
 * //   properties: { $identified_id: 'user_67890', $anon_id: 'anonymous_12345', token: 'YOUR_TOKEN' } }] })
 */
export const buildIdentifyPayload = (
  input: IdentifyInput & { readonly token: string },
  _env?: BuildEnv,
): E.Either<ValidationError, MixpanelRequest> => {
  const fields = readIdentityInput(
    input,
    "{ identifiedId: 'user_67890', anonId: '3f1c0d2e-…' }",
    ['identifiedId', "the known id, e.g. 'user_67890'"],
    ['anonId', 'the anonymous id earlier events carry, e.g. a device UUID'],
  )
  if (E.isLeft(fields)) return fields
  const [identifiedId, anonId, token, meta] = fields.right
  if (identifiedId === anonId) {
    return E.left(validationError('anonId', `must differ from identifiedId (both are ${JSON.stringify(anonId)})`))
  }
  return identityRequest(meta, '/track', 'token', { event: '$identify', properties: { $identified_id: identifiedId, $anon_id: anonId, token } })
}
