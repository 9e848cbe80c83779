import { either as E } from 'fp-ts'
import { describeValue } from './describeValue.ts'
import { validationError, type ValidationError } from './errors.ts'
import type { JsonObject, JsonValue } from './types.ts'
import { unreadable } from './unreadable.ts'

// Deeper than any record Mixpanel accepts, shallow enough never to overflow the stack.
const MAX_DEPTH = 64

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/

// Collections and binary data, by their tag (Map, WeakSet, ArrayBuffer, Uint8Array, DataView…):
// JSON.stringify would silently turn them into `{}`.
const OPAQUE = /(?:Map|Set|Array|Buffer|View)$/

/**
 * Formats a Date the way Mixpanel wants it: `YYYY-MM-DDTHH:MM:SS` in UTC.
 * @example
 * formatDate(new Date(Date.UTC(2024, 0, 2, 3, 4, 5))) // '2024-01-02T03:04:05'
 */
export const formatDate = (date: Date): string => date.toISOString().slice(0, 19)

/**
 * Appends an array index or an object key to a property path: `a[0]`, `a.b`, or `a["odd key"]`.
 * @example
 * pathKey('properties', 'plan')     // 'properties.plan'
 * pathKey('properties', 'odd key')  // 'properties["odd key"]'
 * pathKey('properties.list', 2)     // 'properties.list[2]'
 */
export const pathKey = (path: string, key: string | number): string =>
  typeof key === 'string' && IDENTIFIER.test(key) ? (path === '' ? key : `${path}.${key}`) : `${path}[${JSON.stringify(key)}]`

// The walk behind toJson, toJsonObject and copyJsonInto. `into`, when given, receives the members
// of the (plain) object `value` instead of a fresh object, and the result must be an object.
const walkJson = (value: unknown, path: string, into?: Record<string, JsonValue>): E.Either<ValidationError, JsonValue> => {
  // Where the walk is. Keys are pushed and popped as it descends, and the path string is only
  // built when something fails: building it eagerly cost more than the conversion itself.
  const keys: Array<string | number> = []
  const ancestors: object[] = []
  // A refusal records why and throws, which stops the walk where it is: `keys` then still names
  // the offending value, and nothing needs unwinding because the walk is discarded.
  let refusal: string | undefined
  const refuse = (reason: string): never => {
    refusal = reason
    throw refusal
  }
  const notJson = (what: string): never => refuse(`${what} is not JSON`)
  const member = (holder: object, key: string | number): JsonValue | undefined => {
    keys.push(key)
    const json = convert((holder as Record<string | number, unknown>)[key])
    keys.pop()
    return json
  }
  const convert = (item: unknown, target?: Record<string, JsonValue>): JsonValue | undefined => {
    if (typeof item === 'number') return Number.isFinite(item) ? item : notJson(String(item))
    // Strings, booleans, undefined and null are JSON as they are; BigInts, functions and symbols are not.
    if (typeof item !== 'object' || item === null) return typeof item === 'string' || typeof item === 'boolean' || item == null ? item : notJson(`a ${typeof item}`)
    if (item instanceof Date) return Number.isNaN(item.getTime()) ? refuse('invalid Date') : formatDate(item)
    if (ancestors.includes(item)) refuse('circular reference')
    if (ancestors.length >= MAX_DEPTH) refuse(`nested more than ${MAX_DEPTH} levels deep`)
    ancestors.push(item)
    let result: JsonValue | undefined
    if (Array.isArray(item)) {
      // By index, not `map`: holes in a sparse array become null too, and no iterator is consulted.
      const list: JsonValue[] = []
      for (let index = 0; index < item.length; index++) list.push(member(item, index) ?? null)
      result = list
    } else {
      // Only an object with a class of its own can be a Map, Set or buffer; plain objects skip the check (it is not free).
      if (Object.getPrototypeOf(item) !== Object.prototype) {
        const kind = Object.prototype.toString.call(item).slice(8, -1)
        if (OPAQUE.test(kind)) notJson(`a ${kind}`)
      }
      const toJSON = (item as { toJSON?: unknown }).toJSON
      if (typeof toJSON === 'function') result = convert(toJSON.call(item), target)
      else {
        let out = target ?? {}
        for (const key of Object.keys(item)) {
          const json = member(item, key)
          if (json === undefined) continue
          // Assigning `__proto__` would replace the prototype; a computed key in a literal defines a plain property.
          if (key === '__proto__') out = { ...out, [key]: json }
          else out[key] = json
        }
        result = out
      }
    }
    ancestors.pop()
    return result
  }
  try {
    const json = convert(value, into)
    if (json === undefined) return notJson('undefined')
    // A `toJSON` method may answer something else than an object.
    const kind = into === undefined ? 'object' : describeValue(json)
    return kind === 'object' ? E.right(json) : refuse(`must be an object of properties, got ${kind}`)
  } catch (e) {
    const at = keys.reduce<string>(pathKey, path)
    // Anything but a refusal is a throwing getter or Proxy trap, met reading the value at `at`.
    return E.left(refusal === undefined ? unreadable(at, e) : validationError(at, refusal))
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
export const toJson = (value: unknown, path = 'value'): E.Either<ValidationError, JsonValue> => walkJson(value, path)

/**
 * @internal The one pass of the event builders: converts the members of the plain object `source`
 * (as `toJson` does) straight into `target`, which already holds the defaults, so a record is built
 * without a second copy of its properties. A member of `source` replaces a default but keeps its
 * place, as object spread does. `source` undefined adds nothing; anything else that is not a plain
 * object is refused like `toJsonObject` refuses it. Answers `target` (a new object only when a
 * `__proto__` key had to be defined).
 * @example
 * copyJsonInto({ token: 't', time: 1 }, { plan: 'pro', time: 2 }, 'properties') // Right({ token: 't', time: 2, plan: 'pro' })
 */
export const copyJsonInto = (target: Record<string, JsonValue>, source: unknown, path: string): E.Either<ValidationError, Record<string, JsonValue>> => {
  if (source === undefined) return E.right(target)
  // The shape first, so a list is refused as a list rather than for its first bad item (and an object
  // that cannot even be inspected, a revoked Proxy, as such).
  const kind = describeValue(source)
  return kind === 'object' ? (walkJson(source, path, target) as E.Either<ValidationError, Record<string, JsonValue>>) : notAnObject(path, kind)
}

const notAnObject = (path: string, kind: string): E.Either<ValidationError, never> =>
  E.left(validationError(path, `must be an object of properties, got ${kind}`))

/**
 * Like `toJson`, but the value must be a plain object (`properties`, `meta`, `$set` values…).
 * `undefined` counts as an empty object.
 * @example
 * import { toJsonObject } from '@mp/core'
 * toJsonObject({ plan: 'pro' }, 'properties') // Right({ plan: 'pro' })
 * toJsonObject(['pro'], 'properties')         // Left(ValidationError: must be an object of properties, got an array)
 */
export const toJsonObject = (value: unknown, path = 'value'): E.Either<ValidationError, JsonObject> => copyJsonInto({}, value, path)
