import { either as E } from 'fp-ts'
import { MAX_RECORD_BYTES, recordJson, unreadable, type Endpoint, type JsonObject, type MixpanelError } from '@mp/core'
import { checkRequest } from '@mp/send'

/** A request the queue accepted as well-formed, with the JSON size of each record. */
export interface MeasuredRequest {
  readonly endpoint: Endpoint
  readonly auth: 'token' | 'secret'
  readonly records: ReadonlyArray<JsonObject>
  /** UTF-8 bytes of each record's JSON, same order as `records`. */
  readonly bytes: ReadonlyArray<number>
}

const isSize = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 2 && (x as number) <= MAX_RECORD_BYTES

// A loop, not `every` with a callback: this runs for every enqueued descriptor.
const allSizes = (given: ReadonlyArray<unknown>): given is ReadonlyArray<number> => {
  for (const x of given) if (!isSize(x)) return false
  return true
}

const measure = (input: unknown): E.Either<MixpanelError, MeasuredRequest> => {
  // The same shape check as `send`, except that an empty request is fine: it holds nothing.
  const checked = checkRequest(input, 0)
  if (E.isLeft(checked)) return checked
  // Built field by field below: spreading the checked request is several times slower on this hot path.
  const { endpoint, auth, records } = checked.right
  const given: unknown = (input as { bytes?: unknown }).bytes
  // Sizes a builder attached are used only when there is one well-formed size per record.
  if (Array.isArray(given) && given.length === records.length && allSizes(given)) return E.right({ endpoint, auth, records, bytes: given })
  const bytes: number[] = []
  for (const [index, record] of records.entries()) {
    const measured = recordJson(record, index)
    if (E.isLeft(measured)) return measured
    bytes.push(measured.right.bytes)
  }
  return E.right({ endpoint, auth, records, bytes })
}

/**
 * Checks that a value is a usable request descriptor (`send`'s check) and measures each record's
 * JSON size. Sizes the builder already attached as `bytes` (one whole number per record, within
 * Mixpanel's limit) are used as they are; otherwise each record is stringified and measured.
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
