import type { either as E } from 'fp-ts'
import type { BuildEnv, MixpanelRequest, ValidationError } from '@mp/core'
import { identityBuilder } from './identityBuilder.ts'

/** What `identify` and `buildIdentifyPayload` take. */
export interface IdentifyInput {
  /** The known id the person has now, e.g. after login. */
  readonly identifiedId: string
  /** The anonymous id their earlier events carry. */
  readonly anonId: string
  /** Merged into the top level of the record (shallow). */
  readonly meta?: Readonly<Record<string, unknown>>
}

const build = identityBuilder({
  event: '$identify',
  endpoint: '/track',
  auth: 'token',
  first: { key: 'identifiedId', hint: "the known id, e.g. 'user_67890'" },
  second: { key: 'anonId', hint: "the anonymous id earlier events carry, e.g. a device UUID" },
  sameIds: {
    reportOn: 'anonId',
    message: (id) => `must differ from identifiedId (both are ${JSON.stringify(id)}); there is nothing to link`,
  },
  example: "{ identifiedId: 'user_67890', anonId: '3f1c0d2e-…' }",
  properties: (ids, token) => ({ $identified_id: ids.identifiedId, $anon_id: ids.anonId, token }),
})

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
): E.Either<ValidationError, MixpanelRequest> => build(input)
