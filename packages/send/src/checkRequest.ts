import { either as E } from 'fp-ts'
import { unreadable, validationError, type Endpoint, type JsonObject, type MixpanelRequest, type ValidationError } from '@mp/core'

const ENDPOINTS: ReadonlyArray<unknown> = ['/track', '/import', '/engage', '/groups']

// Made once, not per call: the queue checks every descriptor it is given.
const bad = (path: string, reason: string): E.Either<ValidationError, never> => E.left(validationError(`request${path}`, reason))

/**
 * @internal Checks the shape of a request descriptor that may not come from a builder: a known
 * endpoint, `auth` of `'token'` or `'secret'`, and an array of at least `least` objects (`send`
 * needs one; the queue takes an empty request as nothing to hold). Answers a fresh copy, so a
 * caller mutating its array later changes nothing. Never throws, even for hostile objects.
 * @example
 * checkRequest({ endpoint: '/track', auth: 'token', records: [] }) // Left(ValidationError at request.records)
 * checkRequest({ endpoint: '/track', auth: 'token', records: [] }, 0) // Right({ endpoint: '/track', auth: 'token', records: [] })
 */
export const checkRequest = (request: unknown, least: 0 | 1 = 1): E.Either<ValidationError, MixpanelRequest> => {
  try {
    if (typeof request !== 'object' || request === null || Array.isArray(request)) {
      return bad('', 'must be a request descriptor such as buildTrackPayload(…) returns')
    }
    const { endpoint, auth, records } = request as Record<string, unknown>
    if (!ENDPOINTS.includes(endpoint)) return bad('.endpoint', `must be one of ${ENDPOINTS.join(', ')}`)
    if (auth !== 'token' && auth !== 'secret') return bad('.auth', "must be 'token' or 'secret'")
    if (!Array.isArray(records) || records.length < least) return bad('.records', `must be ${least > 0 ? 'a non-empty' : 'an'} array of records`)
    const copy = [...(records as ReadonlyArray<unknown>)]
    // A loop, not findIndex: the queue runs this for every enqueued descriptor.
    for (let at = 0; at < copy.length; at++) {
      const r = copy[at]
      if (typeof r !== 'object' || r === null || Array.isArray(r)) return bad(`.records[${at}]`, 'must be an object')
    }
    return E.right({ endpoint: endpoint as Endpoint, auth, records: copy as ReadonlyArray<JsonObject> })
  } catch (cause) {
    return E.left(unreadable('request', cause))
  }
}
