import { either as E } from 'fp-ts'
import { validationError, type Endpoint, type JsonObject, type MixpanelRequest, type ValidationError } from '@mp/core'

const ENDPOINTS: ReadonlyArray<Endpoint> = ['/track', '/import', '/engage', '/groups']

const isRecord = (x: unknown): x is JsonObject => typeof x === 'object' && x !== null && !Array.isArray(x)

const check = (request: unknown): E.Either<ValidationError, MixpanelRequest> => {
  if (typeof request !== 'object' || request === null) {
    return E.left(validationError('request', 'must be a request descriptor such as buildTrackPayload(…) returns'))
  }
  const { endpoint, auth, records } = request as Record<string, unknown>
  if (typeof endpoint !== 'string' || !ENDPOINTS.includes(endpoint as Endpoint)) {
    return E.left(validationError('request.endpoint', `must be one of ${ENDPOINTS.join(', ')}`))
  }
  if (auth !== 'token' && auth !== 'secret') return E.left(validationError('request.auth', "must be 'token' or 'secret'"))
  if (!Array.isArray(records) || records.length === 0) {
    return E.left(validationError('request.records', 'must be a non-empty array of records'))
  }
  const copy = [...(records as ReadonlyArray<unknown>)]
  const bad = copy.findIndex((r) => !isRecord(r))
  if (bad !== -1) return E.left(validationError(`request.records[${bad}]`, 'must be an object'))
  return E.right({ endpoint: endpoint as Endpoint, auth, records: copy as ReadonlyArray<JsonObject> })
}

/**
 * Checks the shape of a request descriptor that may not come from a builder: a known endpoint,
 * `auth` of `'token'` or `'secret'`, and a non-empty array of objects. Answers a fresh copy, so a
 * caller mutating its array mid-send changes nothing. Never throws, even for hostile objects.
 * @example
 * checkRequest({ endpoint: '/track', auth: 'token', records: [] }) // Left(ValidationError at request.records)
 */
export const checkRequest = (request: unknown): E.Either<ValidationError, MixpanelRequest> => {
  try {
    return check(request)
  } catch {
    return E.left(validationError('request', 'could not be read (a property getter threw)'))
  }
}
