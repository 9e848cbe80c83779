import { either as E } from 'fp-ts'
import { isAliasRequest, recordJson, unreadable, type Endpoint, type MixpanelError } from '@mp/core'
import { checkRequest } from '@mp/send'

/** A request ready for the outbox's insert: each record's JSON text. */
export interface EncodedRequest {
  readonly endpoint: Endpoint
  readonly auth: 'token' | 'secret'
  /** Each record exactly as `JSON.stringify` wrote it. */
  readonly texts: ReadonlyArray<string>
  /** A `$create_alias` request: rows enqueued after it wait until it is delivered. */
  readonly alias: boolean
}

const encode = (input: unknown): E.Either<MixpanelError, EncodedRequest> => {
  // `send`'s own shape check, so nothing that `send` would refuse ever reaches the table; an
  // empty request is fine and writes nothing.
  const checked = checkRequest(input, 0)
  if (E.isLeft(checked)) return checked
  const { endpoint, auth, records } = checked.right
  const texts: string[] = []
  for (const [index, record] of records.entries()) {
    const encoded = recordJson(record, index)
    if (E.isLeft(encoded)) return encoded
    texts.push(encoded.right.json)
  }
  return E.right({ endpoint, auth, texts, alias: isAliasRequest(checked.right) })
}

/**
 * Checks a request descriptor as `send` would, and each record against Mixpanel's 1 MB limit, and
 * encodes its records for the insert. Never throws: hostile input (cycles, BigInt, throwing
 * getters) is a `ValidationError`.
 * @example
 * encodeRequest({ endpoint: '/track', auth: 'token', records: [{ event: 'signup', properties: {} }] })
 * // Right({ endpoint: '/track', auth: 'token', texts: ['{"event":"signup","properties":{}}'], alias: false })
 */
export const encodeRequest = (input: unknown): E.Either<MixpanelError, EncodedRequest> => {
  try {
    return encode(input)
  } catch (cause) {
    return E.left(unreadable('request', cause))
  }
}
