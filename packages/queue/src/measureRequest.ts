import { either as E } from 'fp-ts'
import { MAX_RECORD_BYTES, recordJson, sealedText, unreadable, type Endpoint, type JsonObject, type MixpanelError } from '@mp/core'
import { checkRequest } from '@mp/send'

/** A request the queue accepted as well-formed, with the JSON text and size of each record. */
export interface MeasuredRequest {
  readonly endpoint: Endpoint
  readonly auth: 'token' | 'secret'
  readonly records: ReadonlyArray<JsonObject>
  /** Each record's JSON, same order as `records`: what the queue holds and sends. */
  readonly texts: ReadonlyArray<string>
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
  // Sizes a builder attached are used only when there is one well-formed size per record, and only
  // for records a builder sealed with their text; any other record is stringified and measured here.
  const sized = Array.isArray(given) && given.length === records.length && allSizes(given)
  // Sized up front: nearly every request holds one record, and a pushed-to empty list reserves room for 17.
  const texts = new Array<string>(records.length)
  const bytes = new Array<number>(records.length)
  for (let index = 0; index < records.length; index++) {
    const record = records[index] as JsonObject
    const text = sized ? sealedText(record) : undefined
    if (text !== undefined) {
      texts[index] = text
      bytes[index] = (given as ReadonlyArray<number>)[index] as number
      continue
    }
    const measured = recordJson(record, index)
    if (E.isLeft(measured)) return measured
    texts[index] = measured.right.json
    bytes[index] = measured.right.bytes
  }
  return E.right({ endpoint, auth, records, texts, bytes })
}

/**
 * Checks that a value is a usable request descriptor (`send`'s check) and answers each record's
 * JSON text and size. A record a builder sealed brings its text, and the size the builder attached
 * as `bytes` (one whole number per record, within Mixpanel's limit) is used as it is; any other
 * record is stringified and measured now, so what the queue holds is the record as it was enqueued.
 * Never throws: hostile input (throwing getters, cycles, BigInt) is a `ValidationError`.
 * @example
 * measureRequest({ endpoint: '/track', auth: 'token', records: [{ event: 'e', properties: {} }] })
 * // Right({ endpoint: '/track', auth: 'token', records: [...], texts: ['{"event":"e","properties":{}}'], bytes: [31] })
 */
export const measureRequest = (input: unknown): E.Either<MixpanelError, MeasuredRequest> => {
  try {
    return measure(input)
  } catch (cause) {
    return E.left(unreadable('request', cause))
  }
}
