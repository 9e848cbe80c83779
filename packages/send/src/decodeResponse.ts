import { either as E } from 'fp-ts'
import {
  apiRejected,
  decodeError,
  httpError,
  recordsRejected,
  type Endpoint,
  type FailedRecord,
  type MixpanelError,
} from '@mp/core'
import { bodySnippet } from './bodySnippet.ts'
import { parseRetryAfter } from './parseRetryAfter.ts'
import type { Accepted, HttpResponse, Verdict } from './verdict.ts'

/** What `decodeResponse` needs besides the response. */
export interface DecodeContext {
  readonly endpoint: Endpoint
  /** Attempts made so far, this one included. */
  readonly attempts: number
  /** Strings scrubbed from any text put into an error. */
  readonly secrets: ReadonlyArray<string>
  /** ms since the epoch, for an HTTP-date `Retry-After`. */
  readonly now: number
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0

const done = (result: E.Either<MixpanelError, Accepted>): Verdict<Accepted> => ({ kind: 'done', result })

/**
 * Classifies one HTTP answer from an ingestion endpoint: success (with `/import`'s imported
 * count), a final error, a transient failure worth retrying (429, 5xx), or 413 (split and resend).
 * Pure; any body text it puts into an error is scrubbed of `secrets` and cut short.
 * @example
 * decodeResponse({ status: 200, body: '{"error":null,"status":1}', retryAfter: null },
 *   { endpoint: '/track', attempts: 1, secrets: [], now: Date.now() })
 * // { kind: 'done', result: Right({}) }
 */
export const decodeResponse = (response: HttpResponse, context: DecodeContext): Verdict<Accepted> => {
  const { endpoint, attempts } = context
  const { status, body } = response
  const snippet = (text: string): string => bodySnippet(text, context.secrets)
  const fail = (error: MixpanelError): Verdict<Accepted> => done(E.left(error))
  const strict = endpoint === '/import'
  const text = strict ? body : body.trim()
  const json = parseJson(text)
  const object = isObject(json) ? json : {}
  if (status >= 200 && status < 300) {
    // Strict `/import`: `{"code": 200, "num_records_imported": N, "status": "OK"}`; the others
    // plain `1`/`0` or verbose `{"error": …, "status": 1|0}`. Anything else is a DecodeError.
    if (strict) {
      if (object['code'] === 200 && isCount(object['num_records_imported'])) return done(E.right({ imported: object['num_records_imported'] }))
    } else if (text === '1' || object['status'] === 1) {
      return done(E.right({}))
    } else if (text === '0') {
      return fail(apiRejected(endpoint, 'Mixpanel answered 0 without a reason (none of the data was accepted)'))
    } else if (object['status'] === 0) {
      const reason = object['error']
      return fail(apiRejected(endpoint, snippet(typeof reason === 'string' && reason !== '' ? reason : 'no reason given')))
    }
    return fail(decodeError(endpoint, status, snippet(body)))
  }
  if (status === 413) return { kind: 'tooLarge', body: snippet(body) }
  if (status === 429 || (status >= 500 && status < 600)) {
    const retryAfterMs = parseRetryAfter(response.retryAfter, context.now)
    return {
      kind: 'transient',
      cause: { kind: 'status', status, body: snippet(body), ...(retryAfterMs === undefined ? {} : { retryAfterMs }) },
    }
  }
  // Strict `/import` 400: some records failed validation, the rest were imported.
  const list = object['failed_records']
  if (status === 400 && strict && Array.isArray(list) && list.length > 0 && list.every((x) => isObject(x) && isCount(x['index']))) {
    const failed = (list as ReadonlyArray<Record<string, unknown>>).map((x): FailedRecord => {
      const insertId = x['insert_id'] ?? x['$insert_id']
      return {
        index: x['index'] as number,
        ...(typeof insertId === 'string' ? { insertId } : {}),
        field: typeof x['field'] === 'string' ? snippet(x['field']) : '',
        message: typeof x['message'] === 'string' ? snippet(x['message']) : '',
      }
    })
    return fail(recordsRejected(endpoint, failed, isCount(object['num_records_imported']) ? object['num_records_imported'] : 0))
  }
  // Status 0 is a browser's opaque redirect. Following one could carry the Authorization header to another origin.
  return fail(httpError(endpoint, status, status === 0 || (status >= 300 && status < 400) ? 'redirect not followed' : snippet(body), attempts))
}
