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

// What no ingestion endpoint answers differently: a 413 (the caller halves the records), else failedStatus.
const refused = (endpoint: string, answer: Answer, secrets: ReadonlyArray<string>): MixpanelError =>
  answer.status === 413 ? payloadTooLarge(endpoint, scrub(answer.body, secrets) || 'the request is larger than Mixpanel accepts') : failedStatus(endpoint, answer, secrets)

const ok = (status: number): boolean => status > 199 && status < 300

/**
 * Decodes an answer from `/track`, `/engage` or `/groups`: plain `1` or verbose `{"status": 1}` is
 * success, `0` or `{"status": 0, "error": …}` an `ApiRejected` with Mixpanel's reason, any other
 * success body a `DecodeError`, 413 a `PayloadTooLarge`, else `failedStatus`. Pure; body text is
 * scrubbed of `secrets` and cut.
 * @example
 * decodeTrack('/track', { status: 200, body: '{"error":null,"status":1}', retryAfterMs: undefined, attempts: 1 }, [])
 * // Right(undefined)
 */
export const decodeTrack = (endpoint: string, answer: Answer, secrets: ReadonlyArray<string>): E.Either<MixpanelError, undefined> => {
  if (!ok(answer.status)) return E.left(refused(endpoint, answer, secrets))
  const json = parseJson(answer.body)
  const verdict = isObject(json) ? json['status'] : json
  if (verdict === 1) return E.right(undefined)
  if (verdict !== 0) return E.left(decodeError(endpoint, answer.status, scrub(answer.body, secrets)))
  const reason = isObject(json) && typeof json['error'] === 'string' ? scrub(json['error'], secrets) : ''
  return E.left(apiRejected(endpoint, reason || 'no reason given; none of the data was accepted'))
}

/**
 * Decodes an answer from strict `/import`: `{"code": 200, "num_records_imported": N}` is the count
 * imported, a 400 with `failed_records` a `RecordsRejected` (the others were imported), any other
 * success body a `DecodeError`, 413 a `PayloadTooLarge`, else `failedStatus`. Pure; body text is
 * scrubbed of `secrets` and cut.
 * @example
 * decodeImport('/import', { status: 200, body: '{"code":200,"num_records_imported":2,"status":"OK"}', retryAfterMs: undefined, attempts: 1 }, [])
 * // Right(2)
 */
export const decodeImport = (endpoint: string, answer: Answer, secrets: ReadonlyArray<string>): E.Either<MixpanelError, number> => {
  const { status, body } = answer
  const snippet = (text: unknown): string => (typeof text === 'string' ? scrub(text, secrets) : '')
  const json = parseJson(body)
  const object = isObject(json) ? json : {}
  const imported = object['num_records_imported']
  if (ok(status)) return object['code'] === 200 && isCount(imported) ? E.right(imported) : E.left(decodeError(endpoint, status, snippet(body)))
  const list = object['failed_records']
  if (status === 400 && Array.isArray(list) && list.length > 0 && list.every((x) => isObject(x) && isCount(x['index']))) {
    const failed = (list as ReadonlyArray<Record<string, unknown>>).map((x): FailedRecord => {
      const insertId = x['insert_id'] ?? x['$insert_id']
      return { index: x['index'] as number, ...(typeof insertId === 'string' ? { insertId } : {}), field: snippet(x['field']), message: snippet(x['message']) }
    })
    return E.left(recordsRejected(endpoint, failed, isCount(imported) ? imported : 0))
  }
  return E.left(refused(endpoint, answer, secrets))
}

/**
 * Decodes Mixpanel's answer from any ingestion endpoint: `decodeImport` for `/import` (the count
 * imported), else `decodeTrack`.
 * @example
 * decodeResponse('/track', { status: 200, body: '1', retryAfterMs: undefined, attempts: 1 }, []) // Right(undefined)
 */
export const decodeResponse = (endpoint: string, answer: Answer, secrets: ReadonlyArray<string>): E.Either<MixpanelError, number | undefined> =>
  (endpoint === '/import' ? decodeImport : decodeTrack)(endpoint, answer, secrets)
