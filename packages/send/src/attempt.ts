import { either as E, type taskEither as TE } from 'fp-ts'
import ky, { type Options } from 'ky'
import { bodySnippet } from './bodySnippet.ts'
import type { HttpResponse, Transient } from './verdict.ts'

/** One HTTP exchange to make. */
export interface AttemptSpec {
  readonly method: 'GET' | 'POST'
  readonly url: string
  readonly headers: Readonly<Record<string, string>>
  readonly body?: string | Uint8Array<ArrayBuffer>
  /** Deadline for the whole exchange, reading the body included. */
  readonly timeoutMs: number
  readonly fetch: typeof fetch | undefined
  /** Scrubbed from any platform error text. */
  readonly secrets: ReadonlyArray<string>
}

// setTimeout fires at once for delays beyond 2^31 - 1 ms.
const MAX_TIMER_MS = 2_147_483_647

const TIMED_OUT = Symbol('timed out')

const describe = (error: unknown): string => {
  try {
    // Node's fetch says only "fetch failed"; what failed (ECONNREFUSED, a TLS error, …) is in `cause`.
    const { message, cause } = error as { message?: unknown; cause?: { message?: unknown; code?: unknown } }
    const detail = cause?.message ?? cause?.code
    return detail === undefined || detail === message ? String(message ?? error) : `${String(message)} (${String(detail)})`
  } catch {
    return 'unknown network failure'
  }
}

const exchange = async (spec: AttemptSpec, signal: AbortSignal): Promise<E.Either<unknown, HttpResponse>> => {
  try {
    const options: Options = {
      method: spec.method,
      headers: spec.headers,
      // ky must neither retry, time out nor throw on its own: this package decides all three.
      retry: 0,
      timeout: false,
      throwHttpErrors: false,
      signal,
      // A followed redirect could carry the Authorization header to another origin.
      redirect: 'manual',
    }
    if (spec.fetch !== undefined) options.fetch = spec.fetch
    if (spec.body !== undefined) options.body = spec.body
    const response = await ky(spec.url, options)
    const body = await response.text()
    return E.right({ status: response.status, body, retryAfter: response.headers.get('retry-after') })
  } catch (error) {
    return E.left(error)
  }
}

/**
 * Makes one HTTP exchange and classifies how it ended: a response (any status, body read in
 * full), a network failure, or a timeout. The deadline covers the body too, so a server that
 * sends headers and then stalls is a timeout. Never rejects; ky's error classes never escape.
 * @example
 * await attempt({ method: 'POST', url, headers: {}, body: '[]', timeoutMs: 10_000, fetch: undefined, secrets: [] })()
 * // Right({ status: 200, body: '1', retryAfter: null })
 */
export const attempt =
  (spec: AttemptSpec): TE.TaskEither<Transient, HttpResponse> =>
  async () => {
    const controller = new AbortController()
    let timer: ReturnType<typeof setTimeout> | undefined
    const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
      timer = setTimeout(() => {
        controller.abort()
        resolve(TIMED_OUT)
      }, Math.min(Math.max(1, spec.timeoutMs), MAX_TIMER_MS))
    })
    const outcome = await Promise.race([exchange(spec, controller.signal), deadline])
    clearTimeout(timer)
    if (outcome === TIMED_OUT || controller.signal.aborted) return E.left({ kind: 'timeout' })
    return E.isLeft(outcome) ? E.left({ kind: 'network', message: bodySnippet(describe(outcome.left), spec.secrets) }) : outcome
  }
