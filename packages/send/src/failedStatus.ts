import { either as E } from 'fp-ts'
import { httpError } from '@mp/core'
import { bodySnippet } from './bodySnippet.ts'
import { parseRetryAfter } from './parseRetryAfter.ts'
import type { HttpResponse, Verdict } from './verdict.ts'

/** What `failedStatus` needs besides the response. */
export interface StatusContext {
  /** The endpoint or flag path, for the error. */
  readonly endpoint: string
  /** Attempts made so far, this one included. */
  readonly attempts: number
  /** Strings scrubbed from any text put into an error. */
  readonly secrets: ReadonlyArray<string>
  /** ms since the epoch, for an HTTP-date `Retry-After`. */
  readonly now: number
}

/**
 * The verdict on a status that no endpoint treats specially: 429 and 5xx are transient (with the
 * `Retry-After` in ms), anything else is a final `HttpError`. A redirect is never followed, as it
 * could carry the Authorization header to another origin. Body text is scrubbed and cut.
 * @example
 * failedStatus({ status: 503, body: 'busy', retryAfter: '2' }, { endpoint: '/track', attempts: 1, secrets: [], now: Date.now() })
 * // { kind: 'transient', cause: { kind: 'status', status: 503, body: 'busy', retryAfterMs: 2000 } }
 */
export const failedStatus = (response: HttpResponse, context: StatusContext): Verdict<never> => {
  const { status } = response
  const body = bodySnippet(response.body, context.secrets)
  if (status === 429 || (status >= 500 && status < 600)) {
    const retryAfterMs = parseRetryAfter(response.retryAfter, context.now)
    return { kind: 'transient', cause: { kind: 'status', status, body, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) } }
  }
  // Status 0 is a browser's opaque redirect.
  const detail = status === 0 || (status >= 300 && status < 400) ? 'redirect not followed' : body
  return { kind: 'done', result: E.left(httpError(context.endpoint, status, detail, context.attempts)) }
}
