import type { MixpanelError } from './errors.ts'

/**
 * Whether resending the same batch can never succeed, so the queue drops it (reporting it as
 * failed) and the outbox moves it to its dead-letter table, instead of holding it. Without this
 * one poison record would block its endpoint forever. The queue and the outbox share this rule.
 *
 * Permanent: `ValidationError`, `ConfigError` (the sender's config is fixed), `ApiRejected`
 * (Mixpanel refused the data), `RecordsRejected` (strict /import imported the rest; the
 * refused ones fail the same way again), `PayloadTooLarge` (`send` already split to single
 * records), `DecodeError` (a success status: the data may be stored, a resend risks
 * duplicates) and `HttpError` with a 4xx status other than 408 and 429.
 * Transient (held for the next flush; rescheduled with backoff in the outbox): `NetworkError`,
 * `TimeoutError`, `RateLimited`, `HttpError` 5xx / 408 / 429, and `DatabaseError` (never the
 * batch's fault).
 * @example
 * isPermanent(apiRejected('/track', 'token, missing or empty')) // true
 * isPermanent(networkError('/track', 5, 'ECONNRESET'))         // false
 */
export const isPermanent = (error: MixpanelError): boolean => {
  switch (error._tag) {
    case 'NetworkError':
    case 'TimeoutError':
    case 'RateLimited':
    case 'DatabaseError':
      return false
    case 'HttpError':
      return error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429
    default:
      return true
  }
}
