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

const fail = (error: MixpanelError): Verdict<Accepted> => done(E.left(error))

// `/track`, `/engage`, `/groups`: plain `1`/`0`, or verbose `{"error": …, "status": 1|0}`.
const decodeVerbose = (endpoint: Endpoint, status: number, text: string, snippet: (s: string) => string): Verdict<Accepted> => {
  const trimmed = text.trim()
  if (trimmed === '1') return done(E.right({}))
  if (trimmed === '0') return fail(apiRejected(endpoint, 'Mixpanel answered 0 without a reason (none of the data was accepted)'))
  const json = parseJson(trimmed)
  if (isObject(json) && json['status'] === 1) return done(E.right({}))
  if (isObject(json) && json['status'] === 0) {
    const reason = typeof json['error'] === 'string' && json['error'] !== '' ? json['error'] : 'no reason given'
    return fail(apiRejected(endpoint, snippet(reason)))
  }
  return fail(decodeError(endpoint, status, snippet(text)))
}

// Strict `/import` success: `{"code": 200, "num_records_imported": N, "status": "OK"}`.
const decodeImported = (endpoint: Endpoint, status: number, text: string, snippet: (s: string) => string): Verdict<Accepted> => {
  const json = parseJson(text)
  return isObject(json) && json['code'] === 200 && isCount(json['num_records_imported'])
    ? done(E.right({ imported: json['num_records_imported'] }))
    : fail(decodeError(endpoint, status, snippet(text)))
}

const toFailedRecord = (x: unknown, snippet: (s: string) => string): FailedRecord | undefined => {
  if (!isObject(x) || !isCount(x['index'])) return undefined
  const insertId = x['insert_id'] ?? x['$insert_id']
  return {
    index: x['index'],
    ...(typeof insertId === 'string' ? { insertId } : {}),
    field: typeof x['field'] === 'string' ? snippet(x['field']) : '',
    message: typeof x['message'] === 'string' ? snippet(x['message']) : '',
  }
}

// Strict `/import` 400: some records failed validation, the rest were imported.
const decodeRejected = (endpoint: Endpoint, text: string, snippet: (s: string) => string): MixpanelError | undefined => {
  const json = parseJson(text)
  if (!isObject(json) || !Array.isArray(json['failed_records']) || json['failed_records'].length === 0) return undefined
  const failed = json['failed_records'].map((x) => toFailedRecord(x, snippet))
  if (failed.some((f) => f === undefined)) return undefined
  const imported = isCount(json['num_records_imported']) ? json['num_records_imported'] : 0
  return recordsRejected(endpoint, failed as ReadonlyArray<FailedRecord>, imported)
}

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
  if (status >= 200 && status < 300) {
    return endpoint === '/import' ? decodeImported(endpoint, status, body, snippet) : decodeVerbose(endpoint, status, body, snippet)
  }
  if (status === 413) return { kind: 'tooLarge', body: snippet(body) }
  if (status === 429 || (status >= 500 && status < 600)) {
    const retryAfterMs = parseRetryAfter(response.retryAfter, context.now)
    return {
      kind: 'transient',
      cause: { kind: 'status', status, body: snippet(body), ...(retryAfterMs === undefined ? {} : { retryAfterMs }) },
    }
  }
  if (status === 400 && endpoint === '/import') {
    const rejected = decodeRejected(endpoint, body, snippet)
    if (rejected !== undefined) return fail(rejected)
  }
  if (status === 0 || (status >= 300 && status < 400)) {
    // Status 0 is a browser's opaque redirect. Following one could carry the Authorization header to another origin.
    return fail(httpError(endpoint, status, 'redirect not followed', attempts))
  }
  return fail(httpError(endpoint, status, snippet(body), attempts))
}
