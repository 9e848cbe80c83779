import { either as E } from 'fp-ts'
import { validationError, type ValidationError } from './errors.ts'
import type { JsonObject, JsonValue } from './types.ts'

// Deeper than any record Mixpanel accepts, shallow enough never to overflow the stack.
const MAX_DEPTH = 64

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/** Appends an object key to a property path: `a.b`, or `a["odd key"]`. */
export const pathKey = (path: string, key: string): string =>
  IDENTIFIER.test(key) ? (path === '' ? key : `${path}.${key}`) : `${path}[${JSON.stringify(key)}]`

/** Formats a Date the way Mixpanel wants it: `YYYY-MM-DDTHH:MM:SS` in UTC. */
export const formatDate = (date: Date): string => date.toISOString().slice(0, 19)

class Invalid {
  constructor(readonly error: ValidationError) {}
}

const fail = (path: string, reason: string): never => {
  throw new Invalid(validationError(path, reason))
}

const describe = (value: object): string => Object.prototype.toString.call(value).slice(8, -1)

// Defines rather than assigns, so a key named `__proto__` stays a plain property.
const define = (target: Record<string, JsonValue>, key: string, value: JsonValue): void => {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

// Objects JSON.stringify would silently turn into `{}`.
const OPAQUE = /^(?:(?:Weak)?(?:Map|Set)|ArrayBuffer)$/

const convert = (value: unknown, path: string, ancestors: object[]): JsonValue | undefined => {
  const type = typeof value
  if (type === 'string' || type === 'boolean' || type === 'undefined' || value === null) return value as JsonValue | undefined
  if (type === 'number') {
    return Number.isFinite(value) ? (value as number) : fail(path, `${value as number} is not a JSON number (NaN and ±Infinity are refused)`)
  }
  if (type === 'bigint') return fail(path, 'BigInt is not JSON; convert it to a number or a string first')
  // Functions and symbols.
  if (type !== 'object') return fail(path, `a ${type} is not JSON`)
  const obj = value as object
  if (obj instanceof Date) {
    return Number.isNaN(obj.getTime()) ? fail(path, 'invalid Date') : formatDate(obj)
  }
  if (ancestors.includes(obj)) return fail(path, 'circular reference')
  if (ancestors.length >= MAX_DEPTH) return fail(path, `nested more than ${MAX_DEPTH} levels deep`)
  ancestors.push(obj)
  try {
    // By index, not `map`: holes in a sparse array become null too, and no iterator is consulted.
    if (Array.isArray(obj)) return Array.from({ length: obj.length }, (_, i) => convert(obj[i], `${path}[${i}]`, ancestors) ?? null)
    const kind = describe(obj)
    if (OPAQUE.test(kind) || ArrayBuffer.isView(obj)) return fail(path, `a ${kind} is not JSON; convert it to a plain object or array first`)
    const toJSON = (obj as { toJSON?: unknown }).toJSON
    if (typeof toJSON === 'function') return convert(toJSON.call(obj), path, ancestors)
    const out: Record<string, JsonValue> = {}
    for (const key of Object.keys(obj)) {
      const converted = convert((obj as Record<string, unknown>)[key], pathKey(path, key), ancestors)
      if (converted !== undefined) define(out, key, converted)
    }
    return out
  } finally {
    ancestors.pop()
  }
}

const guard = <A>(path: string, run: () => A): E.Either<ValidationError, A> => {
  try {
    return E.right(run())
  } catch (e) {
    if (e instanceof Invalid) return E.left(e.error)
    // A throwing getter or Proxy trap: report it as bad input, never rethrow.
    return E.left(validationError(path, `could not be read (${e instanceof Error ? e.message : String(e)})`))
  }
}

/**
 * Turns any value into the JSON Mixpanel will receive: Dates become `YYYY-MM-DDTHH:MM:SS` (UTC),
 * `undefined` object members are dropped, and everything JSON cannot carry faithfully — NaN,
 * ±Infinity, BigInt, functions, symbols, Maps, Sets, cycles, invalid Dates, throwing getters —
 * is a `ValidationError` naming the property path. Never throws.
 * @example
 * import { toJson } from '@mp/core'
 * toJson({ signup: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)) }, 'properties')
 * // Right({ signup: '2024-01-02T03:04:05' })
 * toJson({ score: NaN }, 'properties')
 * // Left({ _tag: 'ValidationError', path: 'properties.score', … })
 */
export const toJson = (value: unknown, path = 'value'): E.Either<ValidationError, JsonValue> =>
  guard(path, () => {
    const json = convert(value, path, [])
    return json === undefined ? fail(path, 'undefined is not JSON') : json
  })

/**
 * Like `toJson`, but the value must be a plain object (`properties`, `meta`, `$set` values…).
 * `undefined` counts as an empty object.
 * @example
 * import { toJsonObject } from '@mp/core'
 * toJsonObject({ plan: 'pro' }, 'properties') // Right({ plan: 'pro' })
 * toJsonObject(['pro'], 'properties')         // Left(ValidationError: must be an object)
 */
export const toJsonObject = (value: unknown, path = 'value'): E.Either<ValidationError, JsonObject> => {
  if (value === undefined) return E.right({})
  // Array.isArray and instanceof throw on a revoked Proxy, so the shape check is guarded too.
  const shape = guard(path, () => (typeof value !== 'object' || value === null ? (value === null ? 'null' : typeof value) : Array.isArray(value) ? 'an array' : value instanceof Date ? 'a Date' : 'object'))
  if (E.isLeft(shape)) return shape
  if (shape.right !== 'object') return E.left(validationError(path, `must be an object of properties, got ${shape.right}`))
  const json = toJson(value, path)
  if (E.isLeft(json)) return json
  return typeof json.right === 'object' && json.right !== null && !Array.isArray(json.right)
    ? (json as E.Right<JsonObject>)
    : E.left(validationError(path, 'must be an object of properties'))
}
