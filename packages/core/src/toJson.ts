import { either as E } from 'fp-ts'
import { validationError, type ValidationError } from './errors.ts'
import type { JsonObject, JsonValue } from './types.ts'

// Deeper than any record Mixpanel accepts, shallow enough never to overflow the stack.
const MAX_DEPTH = 64

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/**
 * Appends an object key to a property path: `a.b`, or `a["odd key"]`.
 * @example
 * pathKey('properties', 'plan')     // 'properties.plan'
 * pathKey('properties', 'odd key')  // 'properties["odd key"]'
 */
export const pathKey = (path: string, key: string): string =>
  IDENTIFIER.test(key) ? (path === '' ? key : `${path}.${key}`) : `${path}[${JSON.stringify(key)}]`

/**
 * Formats a Date the way Mixpanel wants it: `YYYY-MM-DDTHH:MM:SS` in UTC.
 * @example
 * formatDate(new Date(Date.UTC(2024, 0, 2, 3, 4, 5))) // '2024-01-02T03:04:05'
 */
export const formatDate = (date: Date): string => date.toISOString().slice(0, 19)

class Invalid {
  constructor(readonly error: ValidationError) {}
}

// Where the walk is. Keys are pushed and popped as it descends, and the path string is only
// built when something fails: building it eagerly cost more than the conversion itself.
interface Walk {
  readonly root: string
  readonly keys: Array<string | number>
  readonly ancestors: object[]
}

const pathOf = (walk: Walk): string => {
  let path = walk.root
  for (const key of walk.keys) path = typeof key === 'number' ? `${path}[${key}]` : pathKey(path, key)
  return path
}

const fail = (walk: Walk, reason: string): never => {
  throw new Invalid(validationError(pathOf(walk), reason))
}

const describe = (value: object): string => Object.prototype.toString.call(value).slice(8, -1)

// Defines rather than assigns, so a key named `__proto__` stays a plain property.
const define = (target: Record<string, JsonValue>, key: string, value: JsonValue): void => {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

// Objects JSON.stringify would silently turn into `{}`.
const OPAQUE = /^(?:(?:Weak)?(?:Map|Set)|ArrayBuffer)$/

const convertObject = (obj: object, walk: Walk): JsonValue | undefined => {
  // Only an object with a class of its own can be a Map, Set or buffer; plain objects skip the check.
  const proto: unknown = Object.getPrototypeOf(obj)
  if (proto !== Object.prototype && proto !== null) {
    const kind = describe(obj)
    if (OPAQUE.test(kind) || ArrayBuffer.isView(obj)) return fail(walk, `a ${kind} is not JSON; convert it to a plain object or array first`)
  }
  const toJSON = (obj as { toJSON?: unknown }).toJSON
  if (typeof toJSON === 'function') return convert(toJSON.call(obj), walk)
  const out: Record<string, JsonValue> = {}
  const source = obj as Record<string, unknown>
  const keys = Object.keys(obj)
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string
    walk.keys.push(key)
    const converted = convert(source[key], walk)
    walk.keys.pop()
    if (converted === undefined) continue
    if (key === '__proto__') define(out, key, converted)
    else out[key] = converted
  }
  return out
}

// A throw leaves `keys` and `ancestors` as they were at the failure, which is what names the path;
// the walk is discarded afterwards, so nothing needs unwinding.
const convert = (value: unknown, walk: Walk): JsonValue | undefined => {
  const type = typeof value
  if (type === 'string' || type === 'boolean' || type === 'undefined' || value === null) return value as JsonValue | undefined
  if (type === 'number') {
    return Number.isFinite(value) ? (value as number) : fail(walk, `${value as number} is not a JSON number (NaN and ±Infinity are refused)`)
  }
  if (type === 'bigint') return fail(walk, 'BigInt is not JSON; convert it to a number or a string first')
  // Functions and symbols.
  if (type !== 'object') return fail(walk, `a ${type} is not JSON`)
  const obj = value as object
  if (obj instanceof Date) {
    return Number.isNaN(obj.getTime()) ? fail(walk, 'invalid Date') : formatDate(obj)
  }
  const { ancestors } = walk
  if (ancestors.includes(obj)) return fail(walk, 'circular reference')
  if (ancestors.length >= MAX_DEPTH) return fail(walk, `nested more than ${MAX_DEPTH} levels deep`)
  ancestors.push(obj)
  let result: JsonValue | undefined
  if (Array.isArray(obj)) {
    // By index, not `map`: holes in a sparse array become null too, and no iterator is consulted.
    const list = obj as unknown[]
    const length = list.length
    const out = new Array<JsonValue>(length)
    for (let i = 0; i < length; i++) {
      walk.keys.push(i)
      out[i] = convert(list[i], walk) ?? null
      walk.keys.pop()
    }
    result = out
  } else result = convertObject(obj, walk)
  ancestors.pop()
  return result
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
    const walk: Walk = { root: path, keys: [], ancestors: [] }
    const json = convert(value, walk)
    return json === undefined ? fail(walk, 'undefined is not JSON') : json
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
