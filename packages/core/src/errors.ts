import { causeText } from './causeText.ts'
import type { Endpoint } from './types.ts'

/** Input that cannot become a valid Mixpanel record. Nothing was sent. */
export interface ValidationError {
  readonly _tag: 'ValidationError'
  /** Where in the input the problem is, e.g. `properties.plan[2]`. */
  readonly path: string
  readonly message: string
}

/** A configuration that cannot be used (missing credentials, plain http to a remote host, …). Nothing was sent. */
export interface ConfigError {
  readonly _tag: 'ConfigError'
  /** The config field at fault (`idMerge`, `retry.limit`, …; `''` for the config as a whole). */
  readonly path: string
  /** The same as `path`, under the name earlier versions used. */
  readonly field: string
  readonly message: string
}

/** The connection failed (refused, reset, DNS) on every attempt. */
export interface NetworkError {
  readonly _tag: 'NetworkError'
  readonly endpoint: string
  readonly attempts: number
  readonly message: string
}

/** An attempt did not finish within `timeoutMs`, including reading the body, on every attempt. */
export interface TimeoutError {
  readonly _tag: 'TimeoutError'
  readonly endpoint: string
  readonly timeoutMs: number
  readonly attempts: number
  readonly message: string
}

/** Mixpanel answered with an HTTP status that is neither success nor one of the more specific tags. */
export interface HttpError {
  readonly _tag: 'HttpError'
  readonly endpoint: string
  readonly status: number
  /** The start of the response body, for diagnosis. */
  readonly body: string
  readonly attempts: number
  readonly message: string
}

/** HTTP 429 on every attempt. */
export interface RateLimited {
  readonly _tag: 'RateLimited'
  readonly endpoint: string
  readonly attempts: number
  /** The last `Retry-After` Mixpanel gave, in milliseconds, if any. */
  readonly retryAfterMs?: number
  readonly message: string
}

/** A single record is larger than Mixpanel accepts, even alone (HTTP 413). */
export interface PayloadTooLarge {
  readonly _tag: 'PayloadTooLarge'
  readonly endpoint: string
  readonly message: string
}

/** Mixpanel answered `0` or verbose `{"status": 0, "error": …}`: it refused the data. */
export interface ApiRejected {
  readonly _tag: 'ApiRejected'
  readonly endpoint: string
  /** Mixpanel's own error text. */
  readonly reason: string
  readonly message: string
}

/** One record a strict `/import` refused. `index` is the position in the caller's input. */
export interface FailedRecord {
  readonly index: number
  readonly insertId?: string
  readonly field: string
  readonly message: string
}

/** A strict `/import` refused some records (HTTP 400 with `failed_records`); the others were imported. */
export interface RecordsRejected {
  readonly _tag: 'RecordsRejected'
  readonly endpoint: string
  readonly failed: ReadonlyArray<FailedRecord>
  /** Records that were imported despite the failures. */
  readonly imported: number
  readonly message: string
}

/** A success status with a body that is not one Mixpanel sends. */
export interface DecodeError {
  readonly _tag: 'DecodeError'
  readonly endpoint: string
  readonly status: number
  readonly body: string
  readonly message: string
}

/** The queue holds `maxQueued` records already: back-pressure, nothing was dropped. */
export interface QueueFull {
  readonly _tag: 'QueueFull'
  readonly maxQueued: number
  readonly message: string
}

/** The queue was closed; it takes no new records. */
export interface QueueClosed {
  readonly _tag: 'QueueClosed'
  readonly message: string
}

/**
 * A database statement of the outbox failed (connection lost, table missing, deadlock, …). The
 * statement took no effect (or, for a sender's bookkeeping, is repeated after the lease), so
 * nothing was lost. The message never carries a connection string's password.
 */
export interface DatabaseError {
  readonly _tag: 'DatabaseError'
  /** What was being done: `migrate`, `enqueue`, `claim`, `delete`, `reschedule`, `dead-letter`, `renew lease`. */
  readonly operation: string
  /** The driver's error code when it gave one: a SQLSTATE such as `40P01`, or a system code such as `ECONNREFUSED`. */
  readonly code?: string
  readonly message: string
}

/** Every failure mp reports, as plain data discriminated by `_tag`. None carries a secret. */
export type MixpanelError =
  | ValidationError
  | ConfigError
  | NetworkError
  | TimeoutError
  | HttpError
  | RateLimited
  | PayloadTooLarge
  | ApiRejected
  | RecordsRejected
  | DecodeError
  | QueueFull
  | QueueClosed
  | DatabaseError

const times = (n: number): string => (n === 1 ? '1 attempt' : `${n} attempts`)

/**
 * Builds a `ValidationError`.
 * @example
 * validationError('aliasId', 'must be a non-empty string').message // 'Invalid aliasId: must be a non-empty string'
 */
export const validationError = (path: string, reason: string): ValidationError => ({
  _tag: 'ValidationError',
  path,
  message: `Invalid ${path}: ${reason}`,
})

/**
 * Builds a `ConfigError` on `field` (also its `path`); `''` for the config as a whole.
 * @example
 * configError('token', 'must be a non-empty string').message // 'Invalid config.token: must be a non-empty string'
 */
export const configError = (field: string, reason: string): ConfigError => ({
  _tag: 'ConfigError',
  path: field,
  field,
  message: `Invalid config${field === '' ? '' : `.${field}`}: ${reason}`,
})

/**
 * Builds a `NetworkError`; `cause` is the platform's text (never a URL with credentials).
 * @example
 * networkError('/track', 5, 'connection refused')
 */
export const networkError = (endpoint: string, attempts: number, cause: string): NetworkError => ({
  _tag: 'NetworkError',
  endpoint,
  attempts,
  message: `Could not reach Mixpanel for ${endpoint} after ${times(attempts)}: ${cause}`,
})

/**
 * Builds a `TimeoutError`.
 * @example
 * timeoutError('/track', 10_000, 5)
 */
export const timeoutError = (endpoint: string, timeoutMs: number, attempts: number): TimeoutError => ({
  _tag: 'TimeoutError',
  endpoint,
  timeoutMs,
  attempts,
  message: `Mixpanel did not answer ${endpoint} within ${timeoutMs} ms (${times(attempts)})`,
})

/**
 * Builds an `HttpError`.
 * @example
 * httpError('/track', 502, 'Bad Gateway', 5)
 */
export const httpError = (endpoint: string, status: number, body: string, attempts: number): HttpError => ({
  _tag: 'HttpError',
  endpoint,
  status,
  body,
  attempts,
  message: `Mixpanel answered HTTP ${status} for ${endpoint} (${times(attempts)})${body === '' ? '' : `: ${body}`}`,
})

/**
 * Builds a `RateLimited` error.
 * @example
 * rateLimited('/import', 5, 2000)
 */
export const rateLimited = (endpoint: string, attempts: number, retryAfterMs?: number): RateLimited => ({
  _tag: 'RateLimited',
  endpoint,
  attempts,
  ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  message: `Mixpanel rate-limited ${endpoint} (HTTP 429) on all ${times(attempts)}; retry later with backoff`,
})

/**
 * Builds a `PayloadTooLarge` error.
 * @example
 * payloadTooLarge('/import', 'a single record is larger than Mixpanel accepts')
 */
export const payloadTooLarge = (endpoint: string, detail: string): PayloadTooLarge => ({
  _tag: 'PayloadTooLarge',
  endpoint,
  message: `Mixpanel refused ${endpoint} as too large (HTTP 413): ${detail}`,
})

/**
 * Builds an `ApiRejected` error from Mixpanel's own error text.
 * @example
 * apiRejected('/track', 'token, missing or empty')
 */
export const apiRejected = (endpoint: string, reason: string): ApiRejected => ({
  _tag: 'ApiRejected',
  endpoint,
  reason,
  message: `Mixpanel rejected the data sent to ${endpoint}: ${reason}`,
})

/**
 * Builds a `RecordsRejected` error.
 * @example
 * recordsRejected('/import', [{ index: 3, field: 'properties.time', message: 'must not be in the future' }], 1999)
 */
export const recordsRejected = (
  endpoint: string,
  failed: ReadonlyArray<FailedRecord>,
  imported: number,
): RecordsRejected => {
  const first = failed[0]
  const detail = first === undefined ? '' : `; first: record ${first.index}, ${first.field}: ${first.message}`
  return {
    _tag: 'RecordsRejected',
    endpoint,
    failed,
    imported,
    message: `Mixpanel rejected ${failed.length} record(s) sent to ${endpoint} and imported ${imported}${detail}`,
  }
}

/**
 * Builds a `DecodeError`.
 * @example
 * decodeError('/track', 200, '<html>')
 */
export const decodeError = (endpoint: string, status: number, body: string): DecodeError => ({
  _tag: 'DecodeError',
  endpoint,
  status,
  body,
  message: `Mixpanel's answer to ${endpoint} (HTTP ${status}) could not be understood: ${body === '' ? '(empty body)' : body}`,
})

/**
 * Builds a `QueueFull` error.
 * @example
 * queueFull(100_000)
 */
export const queueFull = (maxQueued: number): QueueFull => ({
  _tag: 'QueueFull',
  maxQueued,
  message: `The queue already holds ${maxQueued} records (maxQueued); flush it or slow down. Nothing was dropped.`,
})

/**
 * Builds a `QueueClosed` error.
 * @example
 * queueClosed()
 */
export const queueClosed = (): QueueClosed => ({
  _tag: 'QueueClosed',
  message: 'The queue is closed and takes no new records',
})

// `scheme://user:password@host` and libpq's `password=…` (bare, quoted, or as a JSON key).
const PASSWORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*):[^\s]*@/gi, '$1:***@'],
  [/(password\s*=\s*)('(?:[^'\\]|\\.|'')*'|[^\s'&;]+)/gi, '$1***'],
  [/("password"\s*:\s*)"(?:[^"\\]|\\.)*"/gi, '$1"***"'],
]

const readCode = (cause: unknown): string | undefined => {
  try {
    const code: unknown = (cause as { code?: unknown }).code
    return typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code) ? code : undefined
  } catch {
    return undefined
  }
}

// Node reports a refused connection to every address of a name as an AggregateError with an empty message.
const readDetail = (cause: unknown): string => {
  const text = causeText(cause)
  if (text !== '') return text
  try {
    const errors: unknown = (cause as { errors?: unknown }).errors
    return Array.isArray(errors) ? errors.map(causeText).filter((t) => t !== '').join('; ') : ''
  } catch {
    return ''
  }
}

/**
 * Builds a `DatabaseError` from whatever a database driver threw or rejected with: its message
 * (passwords of connection strings replaced by `***`) and its error code. Never throws.
 * @example
 * databaseError('claim', Object.assign(new Error('deadlock detected'), { code: '40P01' })).message
 * // 'The database failed during claim: deadlock detected (code 40P01)'
 */
export const databaseError = (operation: string, cause: unknown): DatabaseError => {
  const code = readCode(cause)
  const detail = PASSWORDS.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), readDetail(cause))
  return {
    _tag: 'DatabaseError',
    operation,
    ...(code === undefined ? {} : { code }),
    message: `The database failed during ${operation}: ${detail === '' ? 'no detail given' : detail}${code === undefined ? '' : ` (code ${code})`}`,
  }
}
