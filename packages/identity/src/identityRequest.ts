import { either as E } from 'fp-ts'
import { request, toJsonObject, type Endpoint, type JsonObject, type MixpanelRequest, type ValidationError } from '@mp/core'

/**
 * @internal Finishes an identity event once its ids are checked: `meta` must be a plain, JSON-safe
 * object (or absent), and is merged shallowly into the top level of `record` after the record's
 * own keys, as mixpanel-python's `dict.update` does. Answers the one-record request; never throws.
 * @example
 * identityRequest({ ip: 0 }, '/track', 'token', { event: '$identify', properties: { token: 't' } })
 * // Right({ endpoint: '/track', auth: 'token', records: [{ event: '$identify', properties: { token: 't' }, ip: 0 }] })
 */
export const identityRequest = (meta: unknown, endpoint: Endpoint, auth: 'token' | 'secret', record: JsonObject): E.Either<ValidationError, MixpanelRequest> => {
  const json = toJsonObject(meta, 'meta')
  return E.isLeft(json) ? json : E.right(request(endpoint, auth, [{ ...record, ...json.right }]))
}
