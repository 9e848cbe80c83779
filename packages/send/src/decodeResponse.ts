import { either as E } from 'fp-ts'
import { apiRejected, decodeError, recordsRejected, type FailedRecord, type MixpanelError } from '@mp/core'
import { bodySnippet } from './bodySnippet.ts'
import { failedStatus, type StatusContext } from './failedStatus.ts'
import type { Accepted, HttpResponse, Verdict } from './verdict.ts'

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

const isCount = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0

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
export const decodeResponse = (response: HttpResponse, context: StatusContext): Verdict<Accepted> => {
  const { endpoint } = context
  const { status, body } = response
  const snippet = (text: unknown): string => (typeof text === 'string' ? bodySnippet(text, context.secrets) : '')
  const strict = endpoint === '/import'
  const text = strict ? body : body.trim()
  const json = parseJson(text)
  const object = isObject(json) ? json : {}
  const imported = object['num_records_imported']
  if (status >= 200 && status < 300) {
    // Strict `/import`: `{"code": 200, "num_records_imported": N, "status": "OK"}`; the others
    // plain `1`/`0` or verbose `{"error": …, "status": 1|0}`. Anything else is a DecodeError.
    if (strict ? object['code'] === 200 && isCount(imported) : text === '1' || object['status'] === 1) {
      return done(E.right(strict ? { imported: imported as number } : {}))
    }
    if (!strict && (text === '0' || object['status'] === 0)) {
      return done(E.left(apiRejected(endpoint, snippet(object['error']) || 'no reason given; none of the data was accepted')))
    }
    return done(E.left(decodeError(endpoint, status, snippet(body))))
  }
  if (status === 413) return { kind: 'tooLarge', body: snippet(body) }
  // Strict `/import` 400: some records failed validation, the rest were imported.
  const list = object['failed_records']
  if (status === 400 && strict && Array.isArray(list) && list.length > 0 && list.every((x) => isObject(x) && isCount(x['index']))) {
    const failed = (list as ReadonlyArray<Record<string, unknown>>).map((x): FailedRecord => {
      const insertId = x['insert_id'] ?? x['$insert_id']
      return { index: x['index'] as number, ...(typeof insertId === 'string' ? { insertId } : {}), field: snippet(x['field']), message: snippet(x['message']) }
    })
    return done(E.left(recordsRejected(endpoint, failed, isCount(imported) ? imported : 0)))
  }
  return failedStatus(response, context)
}
