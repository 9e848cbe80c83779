import { httpError, networkError, rateLimited, timeoutError, type Endpoint, type MixpanelError } from '@mp/core'
import type { Transient } from './verdict.ts'

/**
 * The error for a transient failure that outlived its retries: `NetworkError`, `TimeoutError`,
 * `RateLimited` (429, with the last `Retry-After`) or `HttpError` (5xx).
 * @example
 * transientError('/track', { kind: 'status', status: 503, body: 'busy' }, 5, 10_000) // HttpError 503
 */
export const transientError = (endpoint: Endpoint | string, cause: Transient, attempts: number, timeoutMs: number): MixpanelError => {
  switch (cause.kind) {
    case 'network':
      return networkError(endpoint, attempts, cause.message)
    case 'timeout':
      return timeoutError(endpoint, timeoutMs, attempts)
    case 'status':
      return cause.status === 429 ? rateLimited(endpoint, attempts, cause.retryAfterMs) : httpError(endpoint, cause.status, cause.body, attempts)
  }
}
