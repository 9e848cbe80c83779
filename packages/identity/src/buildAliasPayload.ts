import { either as E } from 'fp-ts'
import { validationError, type BuildEnv, type MixpanelRequest, type ValidationError } from '@mp/core'
import { identityRequest } from './identityRequest.ts'
import { readIdentityInput } from './readIdentityInput.ts'

/** What `alias` and `buildAliasPayload` take. */
export interface AliasInput {
  /** The new id the person will be known by, e.g. their user id after signup. */
  readonly aliasId: string
  /** The id already in use, e.g. the anonymous id their earlier events carry. */
  readonly original: string
  /** Merged into the top level of the record (shallow), as mixpanel-python's `meta`. */
  readonly meta?: Readonly<Record<string, unknown>>
}

/**
 * Builds the `$create_alias` request that makes `aliasId` another name for `original`
 * (Original ID Merge): `/track`, token auth, one record
 * `{ event: '$create_alias', properties: { distinct_id: original, alias: aliasId, token }, ...meta }`
 * with no `time` or `$insert_id`, exactly as mixpanel-python 5.3. Pure; never throws.
 * Refuses (as a `ValidationError`) missing or empty ids, placeholder ids such as `'anon'` or `'null'`,
 * `aliasId === original`, a missing token and a `meta` that is not an object.
 * @example
 * import { buildAliasPayload } from '@mp/identity'
 * buildAliasPayload({ aliasId: 'user_67890', original: 'anonymous_12345', token: 'YOUR_TOKEN' })
 * // Right({ endpoint: '/track', auth: 'token', records: [{ event: '$create_alias',
 * //   properties: { distinct_id: 'anonymous_12345', alias: 'user_67890', token: 'YOUR_TOKEN' } }] })
 */
export const buildAliasPayload = (
  input: AliasInput & { readonly token: string },
  _env?: BuildEnv,
): E.Either<ValidationError, MixpanelRequest> => {
  const fields = readIdentityInput(
    input,
    "{ aliasId: 'user_67890', original: 'anonymous_12345' }",
    ['aliasId', "the new id to link, e.g. 'user_67890'"],
    ['original', "the id already in use, e.g. 'anonymous_12345'"],
  )
  if (E.isLeft(fields)) return fields
  const [aliasId, original, token, meta] = fields.right
  if (aliasId === original) {
    return E.left(validationError('aliasId', `must differ from original (both are ${JSON.stringify(aliasId)})`))
  }
  // mixpanel-python's key order: distinct_id, alias, token.
  return identityRequest(meta, '/track', 'token', { event: '$create_alias', properties: { distinct_id: original, alias: aliasId, token } })
}
