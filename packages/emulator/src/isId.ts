/**
 * A distinct id or group id Mixpanel accepts: a non-empty string or a finite number.
 * @example
 * isId('user_1') // true
 * isId('')       // false
 */
export const isId = (value: unknown): value is string | number =>
  (typeof value === 'string' && value !== '') || (typeof value === 'number' && Number.isFinite(value))
