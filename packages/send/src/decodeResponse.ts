import { either as E } from 'fp-ts'
import { apiRejected, decodeError, httpError, payloadTooLarge, rateLimited, recordsRejected, type FailedRecord, type MixpanelError } from '@mp/core'
import type { Answer } from './exchange.ts'
import { scrub } from './secrets.ts'

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)

const isCount = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/**
 * The error for a status no endpoint treats specially: `RateLimited` for 429 (with the last
 * `Retry-After`), else an `HttpError` with the scrubbed body; a redirect (3xx, or a browser's
 * opaque redirect, status 0) was not followed, as it could carry the Authorization header away.
 * @example
 * failedStatus('/track', { status: 401, body: 'bad s3cr3t', retryAfterMs: undefined, attempts: 1 }, ['s3cr3t'])
 * // HttpError 401 'bad ***'
 */
export const failedStatus = (endpoint: string, answer: Answer, secrets: ReadonlyArray<string>): MixpanelError => {
  const { status, attempts } = answer
  if (status === 429) return rateLimited(endpoint, attempts, answer.retryAfterMs)
  return httpError(endpoint, status, status < 200 || (status > 299 && status < 400) ? 'redirect not followed' : scrub(answer.body, secrets), attempts)
}

/**
 * Decodes Mixpanel's answer from an ingestion endpoint into the records it imported (strict
 * `/import` says how many; the others answer `undefined`) or a tagged error: `ApiRejected` for
 * `0` or verbose `status: 0`, `RecordsRejected` for a strict `/import` 400 with `failed_records`,
 * `PayloadTooLarge` for 413 (the caller halves the records), `DecodeError` for a success body
 * Mixpanel never sends, else `failedStatus`. Pure; body text is scrubbed of `secrets` and cut.
 * @example
 * decodeResponse('/track', { status: 200, body: '{"error":null,"status":1}', retryAfterMs: undefined, attempts: 1 }, [])
 * // Right(undefined)
 */
export const decodeResponse = (endpoint: string, answer: Answer, secrets: ReadonlyArray<string>): E.Either<MixpanelError, number | undefined> => {
  const { status, body } = answer
  const snippet = (text: unknown): string => (typeof text === 'string' ? scrub(text, secrets) : '')
  const strict = endpoint === '/import'
  const json = parseJson(body)
  const object = isObject(json) ? json : {}
  const imported = object['num_records_imported']
  if (status > 199 && status < 300) {
    // Strict `/import`: `{"code": 200, "num_records_imported": N, "status": "OK"}`; the others
    // plain `1`/`0` or verbose `{"error": …, "status": 1|0}`. Anything else is a DecodeError.
    if (strict ? object['code'] === 200 && isCount(imported) : json === 1 || object['status'] === 1) return E.right(strict ? (imported as number) : undefined)
    if (!strict && (json === 0 || object['status'] === 0)) return E.left(apiRejected(endpoint, snippet(object['error']) || 'no reason given; none of the data was accepted'))
    return E.left(decodeError(endpoint, status, snippet(body)))
  }
  if (status === 413) return E.left(payloadTooLarge(endpoint, snippet(body) || 'the request is larger than Mixpanel accepts'))
  // Strict `/import` 400: some records failed validation, the rest were imported.
  const list = object['failed_records']
  if (status === 400 && strict && Array.isArray(list) && list.length > 0 && list.every((x) => isObject(x) && isCount(x['index']))) {
    const failed = (list as ReadonlyArray<Record<string, unknown>>).map((x): FailedRecord => {
      const insertId = x['insert_id'] ?? x['$insert_id']
      return { index: x['index'] as number, ...(typeof insertId === 'string' ? { insertId } : {}), field: snippet(x['field']), message: snippet(x['message']) }
    })
    return E.left(recordsRejected(endpoint, failed, isCount(imported) ? imported : 0))
  }
  return E.left(failedStatus(endpoint, answer, secrets))
}
