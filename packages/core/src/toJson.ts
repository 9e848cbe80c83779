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

/** Where a walk is: keys are pushed and popped as it descends, and the path string is only built when something fails. */
interface Walk {
  readonly keys: Array<string | number>
  readonly ancestors: object[]
  /** Why the walk stopped, for a refusal (anything else thrown is a throwing getter or Proxy trap). */
  refusal: string | undefined
}

// A refusal records why and throws, which stops the walk where it is: `keys` then still names the
// offending value, and nothing needs unwinding because the walk is discarded. Module-level
// functions rather than closures: this runs for every event, and closures per call were garbage.
const refuse = (walk: Walk, reason: string): never => {
  walk.refusal = reason
  throw reason
}

const notJson = (walk: Walk, what: string): never => refuse(walk, `${what} is not JSON`)

const member = (walk: Walk, holder: object, key: string | number): JsonValue | undefined => {
  walk.keys.push(key)
  const json = convert(walk, (holder as Record<string | number, unknown>)[key])
  walk.keys.pop()
  return json
}

// Converts the members of `source` into `target`: undefined ones are dropped, `__proto__` is
// defined as a plain property (assigning it would replace the prototype).
const copyMembers = (walk: Walk, source: object, target: Record<string, JsonValue>): Record<string, JsonValue> => {
  let out = target
  for (const key of Object.keys(source)) {
    const json = member(walk, source, key)
    if (json === undefined) continue
    if (key === '__proto__') out = { ...out, [key]: json }
    else out[key] = json
  }
  return out
}

const convert = (walk: Walk, item: unknown): JsonValue | undefined => {
  if (typeof item === 'number') return Number.isFinite(item) ? item : notJson(walk, String(item))
  // Strings, booleans, undefined and null are JSON as they are; BigInts, functions and symbols are not.
  if (typeof item !== 'object' || item === null) return typeof item === 'string' || typeof item === 'boolean' || item == null ? item : notJson(walk, `a ${typeof item}`)
  if (item instanceof Date) return Number.isNaN(item.getTime()) ? refuse(walk, 'invalid Date') : formatDate(item)
  const { ancestors } = walk
  if (ancestors.includes(item)) refuse(walk, 'circular reference')
  if (ancestors.length >= MAX_DEPTH) refuse(walk, `nested more than ${MAX_DEPTH} levels deep`)
  ancestors.push(item)
  let result: JsonValue | undefined
  if (Array.isArray(item)) {
    // By index, not `map`: holes in a sparse array become null too, and no iterator is consulted.
    const list: JsonValue[] = []
    for (let index = 0; index < item.length; index++) list.push(member(walk, item, index) ?? null)
    result = list
  } else {
    // Only an object with a class of its own can be a Map, Set or buffer; plain objects skip the check (it is not free).
    if (Object.getPrototypeOf(item) !== Object.prototype) {
      const kind = Object.prototype.toString.call(item).slice(8, -1)
      if (OPAQUE.test(kind)) notJson(walk, `a ${kind}`)
    }
    const toJSON = (item as { toJSON?: unknown }).toJSON
    result = typeof toJSON === 'function' ? convert(walk, toJSON.call(item)) : copyMembers(walk, item, {})
  }
  ancestors.pop()
  return result
}

// Runs a walk from `path`, turning what it throws into the ValidationError that names where.
const walkFrom = <A>(path: string, run: (walk: Walk) => A): E.Either<ValidationError, A> => {
  const walk: Walk = { keys: [], ancestors: [], refusal: undefined }
  try {
    return E.right(run(walk))
  } catch (e) {
    const at = walk.keys.reduce<string>(pathKey, path)
    return E.left(walk.refusal === undefined ? unreadable(at, e) : validationError(at, walk.refusal))
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
  walkFrom(path, (walk) => {
    const json = convert(walk, value)
    return json === undefined ? notJson(walk, 'undefined') : json
  })

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
  const kind = describeValue(source)
  if (kind !== 'object') return notAnObject(path, kind)
  // A class instance (a Map, a Date…) or an object with `toJSON` goes the long way, so it is refused
  // or converted exactly as `toJsonObject` would; reading either can throw, hence inside a walk.
  const plain = walkFrom(path, () => Object.getPrototypeOf(source) === Object.prototype && typeof (source as { toJSON?: unknown }).toJSON !== 'function')
  if (E.isLeft(plain)) return plain
  if (!plain.right) {
    const json = toJsonObject(source, path)
    return E.isLeft(json) ? json : walkFrom(path, (walk) => copyMembers(walk, json.right, target))
  }
  return walkFrom(path, (walk) => {
    walk.ancestors.push(source as object)
    return copyMembers(walk, source as object, target)
  })
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
export const toJsonObject = (value: unknown, path = 'value'): E.Either<ValidationError, JsonObject> => {
  if (value === undefined) return E.right({})
  // The shape first, so a list is refused as a list rather than for its first bad item (and an object
  // that cannot even be inspected, a revoked Proxy, as such).
  const kind = describeValue(value)
  if (kind !== 'object') return notAnObject(path, kind)
  const json = toJson(value, path)
  if (E.isLeft(json)) return json
  // A `toJSON` method may still have answered something else.
  const converted = describeValue(json.right)
  return converted === 'object' ? (json as E.Either<ValidationError, JsonObject>) : notAnObject(path, converted)
}
