import type { JsonValue } from './types.ts'

// A JSON value as it is: a string, a finite number, a boolean or null. (`undefined` is not: an
// object member holding it is dropped, which only the full walk does.)
const isPlain = (value: unknown): boolean =>
  typeof value === 'string' || (typeof value === 'number' ? Number.isFinite(value) : typeof value === 'boolean' || value === null)

// A fresh copy of a list or plain object of plain JSON values, or undefined when it holds anything else.
const flatCopy = (value: object): JsonValue | undefined => {
  if (Array.isArray(value)) {
    // Copied first, so each item is read once; a hole reads as undefined and is left to the full walk.
    const list: unknown[] = value.slice()
    for (let i = 0; i < list.length; i++) if (!isPlain(list[i])) return undefined
    return list as JsonValue
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return undefined
  const object: Record<string, unknown> = { ...value }
  for (const key in object) if (!isPlain(object[key])) return undefined
  return Object.getOwnPropertySymbols(object).length === 0 ? (object as JsonValue) : undefined
}

/**
 * @internal The fast path of the event builders. `copy` is a fresh object a spread just filled
 * from a caller's plain object (`{ ...defaults, ...properties }`): when every member is a plain JSON
 * value (string, finite number, boolean, null) or a list or plain object of them, each list and
 * object is replaced by a fresh copy and `true` is answered, and `copy` is exactly what the full
 * walk (`copyJsonInto`) would have built. Anything else (undefined, Dates, `toJSON`, deeper nesting,
 * holes, symbols, other classes) answers `false`, and the caller discards `copy` and takes the full walk,
 * which converts or refuses it with a path. May throw what a Proxy throws; callers catch it.
 * @example
 * settleCopy({ token: 't', ...{ plan: 'pro', tags: ['a'] } }) // true (tags is a fresh list now)
 * settleCopy({ token: 't', ...{ when: new Date() } })         // false
 */
export const settleCopy = (copy: Record<string, unknown>): boolean => {
  for (const key in copy) {
    const value = copy[key]
    if (isPlain(value)) continue
    if (typeof value !== 'object') return false
    const fresh = flatCopy(value as object)
    if (fresh === undefined) return false
    copy[key] = fresh
  }
  return Object.getOwnPropertySymbols(copy).length === 0
}
