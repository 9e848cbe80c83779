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
import { halvePacked } from './halvePacked.ts'
import type { PackedRecords } from './packedRecords.ts'
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
// every endpoint accepts.
const encode = async (
  json: () => string | Uint8Array<ArrayBuffer>,
  gzip: boolean,
): Promise<E.Either<MixpanelError, string | Uint8Array<ArrayBuffer> | Blob>> => {
  let text: string | Uint8Array<ArrayBuffer>
  try {
    // Throws on cycles and BigInts, which builders refuse earlier but a hand-made descriptor may hold.
    text = json()
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

// What deliverVia needs to know of the records it sends, whatever holds them: how many there are,
// their body as a JSON array, and the two halves a 413 splits them into.
interface Parts<P> {
  readonly count: (part: P) => number
  readonly body: (part: P) => string | Uint8Array<ArrayBuffer>
  readonly halve: (part: P, middle: number) => readonly [P, P]
}

// Records as objects: `recordsJson` joins the texts builders remembered, else stringifies the array.
const RECORDS: Parts<ReadonlyArray<JsonObject>> = {
  count: (records) => records.length,
  body: recordsJson,
  halve: (records, middle) => [records.slice(0, middle), records.slice(middle)],
}

// The queue's batches: the body is ready, and a 413 cuts it between two records.
const PACKED: Parts<PackedRecords> = {
  count: (packed) => packed.ends.length,
  body: (packed) => packed.body,
  halve: halvePacked,
}

// 2–6 for a request whose route is known; `decode` reads the answers of its endpoint.
const deliverVia = <P>(
  config: ResolvedConfig,
  endpoint: Endpoint,
  records: P,
  parts: Parts<P>,
  routed: E.Either<MixpanelError, Route>,
  decode: (endpoint: string, answer: Answer, secrets: ReadonlyArray<string>) => E.Either<MixpanelError, number | undefined>,
): TE.TaskEither<MixpanelError, Receipt> => {
  if (E.isLeft(routed)) return async () => routed
  const { url, authorization, secrets } = routed.right
  const headers = { 'Content-Type': 'application/json', ...(authorization === undefined ? {} : { Authorization: authorization }) }

  // 2–5. Sends `part`, which starts at `offset` in the request, and adds the outcome to `tally`.
  // Answers the error that ends the whole request, if any; refused records do not: the other parts still go.
  const deliver = async (part: P, offset: number, tally: Tally): Promise<MixpanelError | undefined> => {
    // Mixpanel's /engage refuses gzip bodies.
    const body = await encode(() => parts.body(part), config.gzip && endpoint !== '/engage')
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
      tally.records += parts.count(part)
      tally.imported += result.right ?? 0
      return undefined
    }
    const error = result.left
    if (error._tag === 'RecordsRejected') {
      for (const record of error.failed) tally.failed.push({ ...record, index: record.index + offset })
      tally.imported += error.imported
      return undefined
    }
    const count = parts.count(part)
    if (error._tag !== 'PayloadTooLarge' || count < 2) return error
    // 5. Halves, one after the other, so a split never multiplies the load; a failing half stops the rest.
    const middle = Math.ceil(count / 2)
    const [first, second] = parts.halve(part, middle)
    return (await deliver(first, offset, tally)) ?? deliver(second, offset + middle, tally)
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
    deliverVia(config, request.endpoint, request.records, RECORDS, route(config, request), decodeResponse)

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
    deliverVia(config, request.endpoint, request.records, RECORDS, tokenRoute(config, request), decodeTrack)

/**
 * @internal For the queue, which holds records as the UTF-8 of their JSON (a builder's text, or its
 * own `JSON.stringify` at enqueue time) and sends each batch as a packed body: sends `packed` as it
 * is, exactly as `sendBuilt` would send the records it is the JSON of, with the same retries, 413
 * halving (between two records) and decoding. The body is trusted: only the queue, which wrote it
 * from texts it made or checked, calls this.
 * @example
 * await sendPacked(resolved)('/track', 'token', packTexts(['{"event":"signup","properties":{"token":"t","distinct_id":"u1"}}']))()
 * // Right({ endpoint: '/track', records: 1, attempts: 1 })
 */
export const sendPacked =
  (config: ResolvedConfig) =>
  (endpoint: Endpoint, auth: 'token' | 'secret', packed: PackedRecords): TE.TaskEither<MixpanelError, Receipt> =>
    deliverVia(config, endpoint, packed, PACKED, route(config, { endpoint, auth }), decodeResponse)

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
