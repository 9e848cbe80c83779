/**
 * Names what kind of value something is, for error messages: `'null'`, `'an array'`, `'a Date'`,
 * or its `typeof`. Never throws, even for a revoked Proxy (where `Array.isArray` would).
 * @example
 * describeValue([1]) // 'an array'
 * describeValue(42)  // 'number'
 */
export const describeValue = (x: unknown): string => {
  if (x === null) return 'null'
  if (typeof x !== 'object') return typeof x
  try {
    return Array.isArray(x) ? 'an array' : x instanceof Date ? 'a Date' : 'object'
  } catch {
    return 'an unreadable object'
  }
}
