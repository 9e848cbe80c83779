/**
 * Python's truthiness, which mixpanel-python applies to context values and rule results:
 * `None`, `False`, `0`, `""`, `[]` and `{}` are false. Used so `0` and `""` count as a missing
 * context key, exactly as in the reference.
 * @internal
 * @example
 * pythonTruthy(0)  // false
 * pythonTruthy({}) // false
 * pythonTruthy('0') // true
 */
export const pythonTruthy = (value: unknown): boolean => {
  if (value === null || value === undefined || value === false || value === '') return false
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value)
  if (typeof value === 'bigint') return value !== 0n
  if (Array.isArray(value)) return value.length > 0
  if (typeof value === 'object') {
    const proto: unknown = Object.getPrototypeOf(value)
    return proto === Object.prototype || proto === null ? Object.keys(value).length > 0 : true
  }
  return true
}
