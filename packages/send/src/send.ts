// What happens to a request, in order:
//  1. when the task is made: the config's verdict, the descriptor checked and its records copied
//     (`send` only: a builder's own descriptor needs neither), then its route: URL, Authorization
//     and the secrets to scrub (route.ts; a missing secret is a ConfigError);
//  2. when it runs: the records become the body, a JSON array, gzipped if asked (never for /engage);
//  3. exchange() POSTs it through ky, which retries, waits and times out (exchange.ts);
//  4. the endpoint's decoder reads Mixpanel's answer (decodeResponse.ts);
//  5. a 413 halves the records and sends each half, one after the other;
//  6. the parts add up to one Receipt, or the first error that ended the request.
// Requests that carry no credentials take tokenRoute and decodeTrack (sendToken, for toAction), so a
// bundle of such actions carries no credential or /import code.
import { either as E, type taskEither as TE } from 'fp-ts'
import {
  normalizeConfig,
  recordsJson,
  recordsRejected,
  validationError,
  type Config,
  type Endpoint,
  type FailedRecord,
  type JsonObject,
  type MixpanelError,
  type MixpanelRequest,
  type Receipt,
  type ResolvedConfig,
} from '@mp/core'
import { checkRequest } from './checkRequest.ts'
import { decodeResponse, decodeTrack } from './decodeResponse.ts'
import { exchange, type Answer } from './exchange.ts'
import { route, tokenRoute, type Route } from './route.ts'

/** What the parts of a request (more than one after a 413) add up to. */
interface Tally {
  records: number
  attempts: number
  imported: number
  /** Records strict `/import` refused, at their index in the whole request. */
  readonly failed: FailedRecord[]
}

// 2. A platform without CompressionStream, or one that fails to compress, sends plain JSON, which
// every endpoint accepts. `json` writes the body: `recordsJson` for records (the texts builders
// remembered, joined, else one JSON.stringify of the array), `joinTexts` (UTF-8 bytes) for the queue's texts.
const encode = async <R>(
  part: ReadonlyArray<R>,
  json: (part: ReadonlyArray<R>) => string | Uint8Array<ArrayBuffer>,
  gzip: boolean,
): Promise<E.Either<MixpanelError, string | Uint8Array<ArrayBuffer> | Blob>> => {
  let text: string | Uint8Array<ArrayBuffer>
  try {
    // Throws on cycles and BigInts, which builders refuse earlier but a hand-made descriptor may hold.
    text = json(part)
  } catch (error) {
    return E.left(validationError('records', `cannot be written as JSON (${error instanceof Error ? error.name : 'unknown reason'})`))
  }
  try {
    // A gzipped body is the one kind that is a Blob.
    if (gzip) return E.right(await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))).blob())
  } catch {
    // Plain JSON below.
  }
  return E.right(text)
}

// 2–6 for a request whose route is known; `decode` reads the answers of its endpoint.
const deliverVia = <R>(
  config: ResolvedConfig,
  endpoint: Endpoint,
  records: ReadonlyArray<R>,
  json: (part: ReadonlyArray<R>) => string | Uint8Array<ArrayBuffer>,
  routed: E.Either<MixpanelError, Route>,
  decode: (endpoint: string, answer: Answer, secrets: ReadonlyArray<string>) => E.Either<MixpanelError, number | undefined>,
): TE.TaskEither<MixpanelError, Receipt> => {
  if (E.isLeft(routed)) return async () => routed
  const { url, authorization, secrets } = routed.right
  const headers = { 'Content-Type': 'application/json', ...(authorization === undefined ? {} : { Authorization: authorization }) }

  // 2–5. Sends `part`, which starts at `offset` in the request, and adds the outcome to `tally`.
  // Answers the error that ends the whole request, if any; refused records do not: the other parts still go.
  const deliver = async (part: ReadonlyArray<R>, offset: number, tally: Tally): Promise<MixpanelError | undefined> => {
    // Mixpanel's /engage refuses gzip bodies.
    const body = await encode(part, json, config.gzip && endpoint !== '/engage')
    if (E.isLeft(body)) return body.left
    const answer = await exchange(config, {
      method: 'post',
      url,
      headers: body.right instanceof Blob ? { ...headers, 'Content-Encoding': 'gzip' } : headers,
      body: body.right,
      endpoint,
      secrets,
    })
    if (E.isLeft(answer)) return answer.left
    tally.attempts += answer.right.attempts
    const result = decode(endpoint, answer.right, secrets)
    if (E.isRight(result)) {
      tally.records += part.length
      tally.imported += result.right ?? 0
      return undefined
    }
    const error = result.left
    if (error._tag === 'RecordsRejected') {
      for (const record of error.failed) tally.failed.push({ ...record, index: record.index + offset })
      tally.imported += error.imported
      return undefined
    }
    if (error._tag !== 'PayloadTooLarge' || part.length < 2) return error
    // 5. Halves, one after the other, so a split never multiplies the load; a failing half stops the rest.
    const middle = Math.ceil(part.length / 2)
    return (await deliver(part.slice(0, middle), offset, tally)) ?? deliver(part.slice(middle), offset + middle, tally)
  }

  // 6. A fresh tally each time the task runs.
  return async () => {
    const tally: Tally = { records: 0, attempts: 0, imported: 0, failed: [] }
    const error = await deliver(records, 0, tally)
    if (error !== undefined) return E.left(error)
    if (tally.failed.length > 0) return E.left(recordsRejected(endpoint, tally.failed, tally.imported))
    // Only strict `/import` answers say how many records were imported.
    return E.right({ endpoint, records: tally.records, attempts: tally.attempts, ...(endpoint === '/import' ? { imported: tally.imported } : {}) })
  }
}

/**
 * @internal `send` for a descriptor a builder just made (so it needs no shape check) with a config
 * already normalised: what `toImportAction` sends with.
 * @example
 * await sendBuilt(resolved)(request('/import', 'secret', [event]))() // Right({ endpoint: '/import', records: 1, attempts: 1, imported: 1 })
 */
export const sendBuilt =
  (config: ResolvedConfig) =>
  (request: MixpanelRequest): TE.TaskEither<MixpanelError, Receipt> =>
    deliverVia(config, request.endpoint, request.records, recordsJson, route(config, request), decodeResponse)

/**
 * @internal `sendBuilt` for a request that carries no credentials (`/track`, `/engage`, `/groups`
 * with the token): what `toAction` sends with. It reads no credentials and carries no `/import`
 * code; any other descriptor is a `ValidationError`.
 * @example
 * await sendToken(resolved)(request('/track', 'token', [event]))() // Right({ endpoint: '/track', records: 1, attempts: 1 })
 */
export const sendToken =
  (config: ResolvedConfig) =>
  (request: MixpanelRequest): TE.TaskEither<MixpanelError, Receipt> =>
    deliverVia(config, request.endpoint, request.records, recordsJson, tokenRoute(config, request), decodeTrack)

// The queue's texts are records' JSON already: the body is their join, written straight into UTF-8
// bytes (one pass, and no joined string for the platform to encode again). Sized for one byte per
// character, which nearly every record is; a text with wider characters overflows it, and then the
// joined string goes as before.
const joinTexts = (texts: ReadonlyArray<string>): string | Uint8Array<ArrayBuffer> => {
  let size = texts.length + 1
  for (const text of texts) size += text.length
  const body = new Uint8Array(size)
  const encoder = new TextEncoder()
  body[0] = 0x5b // '['
  let at = 1
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i] as string
    if (i > 0) body[at++] = 0x2c // ','
    const done = encoder.encodeInto(text, body.subarray(at))
    if (done.read < text.length) return `[${texts.join()}]`
    at += done.written
  }
  if (at !== size - 1) return `[${texts.join()}]`
  body[at] = 0x5d // ']'
  return body
}

/**
 * @internal For the queue, which holds each record as its JSON text (the builder's, or its own
 * `JSON.stringify` at enqueue time) rather than the record: sends `texts` joined as the JSON array
 * body, exactly as `sendBuilt` would send the records they are the JSON of, with the same retries,
 * 413 halving and decoding. The texts are trusted: only the queue, which made or checked each one,
 * calls this.
 * @example
 * await sendTexts(resolved)('/track', 'token', ['{"event":"signup","properties":{"token":"t","distinct_id":"u1"}}'])()
 * // Right({ endpoint: '/track', records: 1, attempts: 1 })
 */
export const sendTexts =
  (config: ResolvedConfig) =>
  (endpoint: Endpoint, auth: 'token' | 'secret', texts: ReadonlyArray<string>): TE.TaskEither<MixpanelError, Receipt> =>
    deliverVia(config, endpoint, texts, joinTexts, route(config, { endpoint, auth }), decodeResponse)

/**
 * Executes a request descriptor over HTTP: POSTs its records as a JSON array with the endpoint's
 * query and auth rules, retries network errors, timeouts, 408, 429 and 5xx with jittered backoff
 * (honouring `Retry-After`), splits a 413 in halves, and decodes Mixpanel's answer into a
 * `Receipt` or a tagged `MixpanelError`. The config is checked once; a bad one makes every call a
 * `ConfigError` and nothing is sent. Lazy: nothing happens until the task runs. Never rejects.
 * @example
 * import { send } from '@mp/send'
 * const deliver = send({ token: 'YOUR_TOKEN' })
 * const result = await deliver({ endpoint: '/track', auth: 'token', records: [{ event: 'signup', properties: { token: 'YOUR_TOKEN', distinct_id: 'u1' } }] })()
 * // Right({ endpoint: '/track', records: 1, attempts: 1 })
 */
export const send = (config: Config): ((request: MixpanelRequest) => TE.TaskEither<MixpanelError, Receipt>) => {
  const resolved = normalizeConfig(config)
  return (request) => {
    // The descriptor is checked (and its records copied) now, as the task is made, not when it runs.
    const checked: E.Either<MixpanelError, MixpanelRequest> = E.isLeft(resolved) ? resolved : checkRequest(request)
    return E.isLeft(checked) ? async () => checked : sendBuilt((resolved as E.Right<ResolvedConfig>).right)(checked.right)
  }
}
