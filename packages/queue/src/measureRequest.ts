import { either as E } from 'fp-ts'
import { unreadable, utf8Length, validationError, type Endpoint, type JsonObject, type MixpanelError } from '@mp/core'
import { MAX_RECORD_BYTES } from './batchLimits.ts'

/** A request the queue accepted as well-formed, with the JSON size of each record. */
export interface MeasuredRequest {
  readonly endpoint: Endpoint
  readonly auth: 'token' | 'secret'
  readonly records: ReadonlyArray<JsonObject>
  /** UTF-8 bytes of each record's JSON, same order as `records`. */
  readonly bytes: ReadonlyArray<number>
}

const ENDPOINTS: ReadonlyArray<unknown> = ['/track', '/import', '/engage', '/groups']

const isRecord = (x: unknown): x is JsonObject => typeof x === 'object' && x !== null && !Array.isArray(x)

const isSize = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 2 && (x as number) <= MAX_RECORD_BYTES

const measure = (input: unknown): E.Either<MixpanelError, MeasuredRequest> => {
  if (!isRecord(input)) return E.left(validationError('request', 'must be a request descriptor such as buildTrackPayload(…) returns'))
  const { endpoint, auth, records, bytes: given } = input as { endpoint?: unknown; auth?: unknown; records?: unknown; bytes?: unknown }
  if (!ENDPOINTS.includes(endpoint)) return E.left(validationError('request.endpoint', `must be one of ${ENDPOINTS.join(', ')}`))
  if (auth !== 'token' && auth !== 'secret') return E.left(validationError('request.auth', "must be 'token' or 'secret'"))
  if (!Array.isArray(records)) return E.left(validationError('request.records', 'must be an array of records'))
  // Sizes a builder attached are used only when there is one well-formed size per record.
  const attached: ReadonlyArray<number | undefined> = Array.isArray(given) && given.length === records.length && given.every(isSize) ? given : []
  const bytes: number[] = []
  for (const [index, record] of records.entries()) {
    const path = `request.records[${index}]`
    if (!isRecord(record)) return E.left(validationError(path, 'must be an object'))
    let size = attached[index]
    if (size === undefined) {
      const json: unknown = JSON.stringify(record)
      if (typeof json !== 'string') return E.left(validationError(path, 'is not JSON'))
      size = utf8Length(json)
      if (size > MAX_RECORD_BYTES) {
        return E.left(validationError(path, `is ${size} bytes of JSON; Mixpanel accepts at most ${MAX_RECORD_BYTES} bytes per record`))
      }
    }
    bytes.push(size)
  }
  return E.right({ endpoint: endpoint as Endpoint, auth, records: records as ReadonlyArray<JsonObject>, bytes })
}

/**
 * Checks that a value is a usable request descriptor and measures each record's JSON size. Sizes
 * the builder already attached as `bytes` (one whole number per record, within Mixpanel's limit)
 * are used as they are; otherwise each record is stringified and measured.
 * Never throws: hostile input (throwing getters, cycles, BigInt) is a `ValidationError`.
 * @example
 * measureRequest({ endpoint: '/track', auth: 'token', records: [{ event: 'e', properties: {} }] })
 * // Right({ endpoint: '/track', auth: 'token', records: [...], bytes: [31] })
 */
export const measureRequest = (input: unknown): E.Either<MixpanelError, MeasuredRequest> => {
  try {
    return measure(input)
  } catch (cause) {
    return E.left(unreadable('request', cause))
  }
}
