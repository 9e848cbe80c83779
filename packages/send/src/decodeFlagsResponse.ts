import { either as E } from 'fp-ts'
import { decodeError } from '@mp/core'
import { bodySnippet } from './bodySnippet.ts'
import { failedStatus, type StatusContext } from './failedStatus.ts'
import type { HttpResponse, Verdict } from './verdict.ts'

/**
 * Classifies one answer from the feature-flag API: 2xx JSON is the parsed value; 429 and 5xx are
 * transient; anything else (and 2xx that is not JSON) a tagged error with a scrubbed body.
 * @example
 * decodeFlagsResponse({ status: 200, body: '{"flags":[]}', retryAfter: null },
 *   { endpoint: '/flags/definitions', attempts: 1, secrets: [], now: Date.now() })
 * // { kind: 'done', result: Right({ flags: [] }) }
 */
export const decodeFlagsResponse = (response: HttpResponse, context: StatusContext): Verdict<unknown> => {
  const { status, body } = response
  if (status < 200 || status >= 300) return failedStatus(response, context)
  try {
    return { kind: 'done', result: E.right(JSON.parse(body) as unknown) }
  } catch {
    return { kind: 'done', result: E.left(decodeError(context.endpoint, status, bodySnippet(body, context.secrets))) }
  }
}
