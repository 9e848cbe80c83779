/**
 * Reads one field of a caller's context without ever throwing: own properties only (so a flag
 * whose context is `constructor` does not find `Object`), and a throwing getter or Proxy reads
 * as missing.
 * @internal
 * @example
 * readContext({ distinct_id: 'u1' }, 'distinct_id') // 'u1'
 * readContext(null, 'distinct_id')                  // undefined
 */
export const readContext = (context: unknown, key: string): unknown => {
  try {
    if (typeof context !== 'object' || context === null) return undefined
    return Object.hasOwn(context, key) ? (context as Record<string, unknown>)[key] : undefined
  } catch {
    return undefined
  }
}
