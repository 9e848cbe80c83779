import { either as E } from 'fp-ts'
import { validationError, type Endpoint, type JsonObject, type MixpanelRequest, type ValidationError } from '@mp/core'

const ENDPOINTS: ReadonlyArray<Endpoint> = ['/track', '/import', '/engage', '/groups']

/**
 * Checks the shape of a request descriptor that may not come from a builder: a known endpoint,
 * `auth` of `'token'` or `'secret'`, and a non-empty array of objects. Answers a fresh copy, so a
 * caller mutating its array mid-send changes nothing. Never throws, even for hostile objects.
 * @example
 * checkRequest({ endpoint: '/track', auth: 'token', records: [] }) // Left(ValidationError at request.records)
 */
export const checkRequest = (request: unknown): E.Either<ValidationError, MixpanelRequest> => {
  const bad = (path: string, reason: string) => E.left(validationError(`request${path}`, reason))
  try {
    if (typeof request !== 'object' || request === null) return bad('', 'must be a request descriptor such as buildTrackPayload(…) returns')
    const { endpoint, auth, records } = request as Record<string, unknown>
    if (!ENDPOINTS.includes(endpoint as Endpoint)) return bad('.endpoint', `must be one of ${ENDPOINTS.join(', ')}`)
    if (auth !== 'token' && auth !== 'secret') return bad('.auth', "must be 'token' or 'secret'")
    if (!Array.isArray(records) || records.length === 0) return bad('.records', 'must be a non-empty array of records')
    const copy = [...(records as ReadonlyArray<unknown>)]
    const at = copy.findIndex((r) => typeof r !== 'object' || r === null || Array.isArray(r))
    if (at !== -1) return bad(`.records[${at}]`, 'must be an object')
    return E.right({ endpoint: endpoint as Endpoint, auth, records: copy as ReadonlyArray<JsonObject> })
  } catch {
    return bad('', 'could not be read (a property getter threw)')
  }
}
