import type { MixpanelError } from '@mp/core'

/**
 * The `BACKEND_ERROR` message of a failed `/flags` call, worded as mixpanel-python words it
 * (`HTTP <status>: <body>`, or `HTTP <status>` with an empty body; the error text otherwise). The
 * token is cut out wherever it appears, and no URL is ever included.
 * @internal
 * @example
 * backendErrorMessage(httpError('/flags', 400, '{"error":"…"}', 1), 'TOKEN') // 'HTTP 400: {"error":"…"}'
 */
export const backendErrorMessage = (error: MixpanelError, token: string): string => {
  const text =
    error._tag === 'HttpError'
      ? error.body === ''
        ? `HTTP ${error.status}`
        : `HTTP ${error.status}: ${error.body}`
      : error._tag === 'RateLimited'
        ? 'HTTP 429'
        : error.message
  if (token === '') return text
  return [token, encodeURIComponent(token)].reduce((out, form) => out.split(form).join('***'), text)
}
