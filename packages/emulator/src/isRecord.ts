/**
 * Whether `value` is a plain JSON object (not null, not an array).
 * @example
 * isRecord({ a: 1 }) // true
 * isRecord([1]) // false
 */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
