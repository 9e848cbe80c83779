import { either as E } from 'fp-ts'
import { decodeError, httpError } from '@mp/core'
import { bodySnippet } from './bodySnippet.ts'
import { parseRetryAfter } from './parseRetryAfter.ts'
import type { HttpResponse, Verdict } from './verdict.ts'

/** What `decodeFlagsResponse` needs besides the response. */
export interface FlagsDecodeContext {
  readonly path: string
  readonly attempts: number
  readonly secrets: ReadonlyArray<string>
  readonly now: number
}

/**
 * Classifies one answer from the feature-flag API: 2xx JSON is the parsed value; 429 and 5xx are
 * transient; anything else (and 2xx that is not JSON) a tagged error with a scrubbed body.
 * @example
 * decodeFlagsResponse({ status: 200, body: '{"flags":[]}', retryAfter: null },
 *   { path: '/flags/definitions', attempts: 1, secrets: [], now: Date.now() })
 * // { kind: 'done', result: Right({ flags: [] }) }
 */
export const decodeFlagsResponse = (response: HttpResponse, context: FlagsDecodeContext): Verdict<unknown> => {
  const { status, body } = response
  const snippet = (text: string): string => bodySnippet(text, context.secrets)
  if (status >= 200 && status < 300) {
    try {
      return { kind: 'done', result: E.right(JSON.parse(body) as unknown) }
    } catch {
      return { kind: 'done', result: E.left(decodeError(context.path, status, snippet(body))) }
    }
  }
  if (status === 429 || (status >= 500 && status < 600)) {
    const retryAfterMs = parseRetryAfter(response.retryAfter, context.now)
    return {
      kind: 'transient',
      cause: { kind: 'status', status, body: snippet(body), ...(retryAfterMs === undefined ? {} : { retryAfterMs }) },
    }
  }
  const detail = status === 0 || (status >= 300 && status < 400) ? 'redirect not followed' : snippet(body)
  return { kind: 'done', result: E.left(httpError(context.path, status, detail, context.attempts)) }
}
