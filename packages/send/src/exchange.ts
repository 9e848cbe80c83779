import { either as E } from 'fp-ts'
import ky from 'ky'
import { networkError, timeoutError, type MixpanelError, type ResolvedConfig } from '@mp/core'
import { scrub } from './secrets.ts'

/** A `Retry-After` longer than this ends the retries instead of parking the caller for hours. */
export const RETRY_AFTER_CEILING_MS = 600_000

/** One HTTP request to make, with everything it needs besides the config. */
export interface Exchange {
  readonly method: 'get' | 'post'
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
  readonly body?: string | Uint8Array<ArrayBuffer> | Blob
  /** Names the request in errors: the endpoint or the flag path. */
  readonly endpoint: string
  /** Scrubbed from any platform error text. */
  readonly secrets: ReadonlyArray<string>
}

/** Mixpanel's last answer, read in full, and how many attempts it took. */
export interface Answer {
  readonly status: number
  /** As received: whoever puts it into an error scrubs it first. */
  readonly body: string
  /** The answer's `Retry-After` in ms, if it had a readable one. */
  readonly retryAfterMs: number | undefined
  readonly attempts: number
}

// setTimeout (and so ky's timeout) fires at once for delays beyond 2^31 - 1 ms.
const MAX_TIMER_MS = 2_147_483_647

/** `Retry-After` in ms: seconds, or an HTTP date measured from now (a past one is 0). */
const retryAfter = (response: Response | undefined): number | undefined => {
  const text = response?.headers.get('Retry-After')?.trim() ?? ''
  // Only something that looks like a date: Date.parse accepts too much (e.g. "1").
  const ms = /^\d+(\.\d+)?$/.test(text) ? Math.ceil(Number(text) * 1000) : /[a-z]/i.test(text) ? Math.max(0, Date.parse(text) - Date.now()) : Number.NaN
  return Number.isNaN(ms) ? undefined : ms
}

/**
 * Makes one HTTP request through ky and answers Mixpanel's last answer, whatever its status, or
 * the `NetworkError` / `TimeoutError` that ended it. ky retries (up to `retry.limit` times) network
 * failures, timeouts, 408, 429 and 5xx, for POST too; a `Retry-After` beyond 10 minutes ends the
 * retries. Between tries it waits through `config.sleep`: exponential backoff with full jitter
 * between `baseDelayMs` and `maxDelayMs`, never less than a `Retry-After`. `timeoutMs` bounds
 * each attempt, reading the body included. Redirects are never followed. Never rejects.
 * @example
 * const answer = await exchange(resolved, { method: 'post', url, headers, body: '[]', endpoint: '/track', secrets: [] })
 * // Right({ status: 200, body: '1', retryAfterMs: undefined, attempts: 1 })
 */
export const exchange = async (config: ResolvedConfig, request: Exchange): Promise<E.Either<MixpanelError, Answer>> => {
  const { retry, timeoutMs, random } = config
  // Read at call time, and never a bare `fetch`: a runtime without one gets a NetworkError, not a rejection.
  const transport = config.fetch ?? globalThis.fetch
  const { baseDelayMs, maxDelayMs } = retry
  const sleep = config.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  let attempts = 0
  try {
    const response = await ky(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body ?? null,
      // A followed redirect could carry the Authorization header to another origin.
      redirect: 'manual',
      timeout: Math.min(timeoutMs, MAX_TIMER_MS),
      // The body is read inside ky's timeout, so a body that stalls after its headers times out too.
      fetch: async (input, init) => {
        attempts += 1
        const answer = await transport(input, init)
        await answer.clone().arrayBuffer()
        return answer
      },
      // 408, 429 and 5xx are failures to ky, so it retries them; any other status is an answer to decode.
      throwHttpErrors: (status) => status === 408 || status === 429 || status > 499,
      retry: {
        limit: retry.limit,
        // POST is not among ky's defaults: Mixpanel deduplicates resent events by $insert_id.
        methods: ['get', 'post'],
        retryOnTimeout: true,
        // Every status ky throws is retried, unless its Retry-After is past the ceiling (ky would cap it).
        shouldRetry: ({ error }) => ('response' in error ? !((retryAfter(error.response as Response) ?? 0) > RETRY_AFTER_CEILING_MS) : undefined),
        // ky's own wait cannot be injected, so it waits 0 ms and beforeRetry waits through config.sleep.
        delay: () => 0,
      },
      hooks: {
        beforeRetry: [
          async ({ error, retryCount }) => {
            const high = Math.min(maxDelayMs, baseDelayMs * 2 ** (retryCount - 1))
            try {
              const draw = Math.min(Math.max(random(), 0), 1) || 0
              await sleep(Math.max(baseDelayMs + draw * (high - baseDelayMs), retryAfter((error as { response?: Response }).response) ?? 0))
            } catch {
              // A failing injected sleep or random only shortens the wait; the retry still happens.
            }
          },
        ],
      },
      // A status ky threw after its last retry still carries Mixpanel's answer.
    }).catch((error: { response?: Response } | undefined) => error?.response ?? Promise.reject(error))
    return E.right({ status: response.status, body: await response.text(), retryAfterMs: retryAfter(response), attempts })
  } catch (error) {
    if ((error as Error | undefined)?.name === 'TimeoutError') return E.left(timeoutError(request.endpoint, timeoutMs, attempts))
    // Node's fetch says only "fetch failed"; what failed (ECONNREFUSED, a TLS error, …) is in `cause`.
    let text = 'unknown network failure'
    try {
      const { message, cause } = error as { message?: unknown; cause?: { message?: unknown; code?: unknown } }
      text = `${String(message ?? error)}${cause === undefined ? '' : ` (${String(cause.message ?? cause.code)})`}`
    } catch {
      // A hostile thrown value: the generic text above.
    }
    return E.left(networkError(request.endpoint, attempts, scrub(text, request.secrets)))
  }
}
