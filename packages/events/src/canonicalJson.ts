import type { JsonValue } from '@mp/core'

// The exact writer, key by key: for the rare object with a key that starts with a digit (JS objects
// put array-index keys first, whatever order they were added in) or is `__proto__`.
const write = (value: JsonValue | undefined, omit?: ReadonlyArray<string>): string | undefined => {
  // JSON.stringify writes every scalar as JSON does (non-finite numbers as null), and undefined as undefined.
  if (typeof value !== 'object' || value === null) return JSON.stringify(value)
  if (Array.isArray(value)) return `[${(value as ReadonlyArray<JsonValue>).map((item) => write(item) ?? 'null').join(',')}]`
  const object = value as { readonly [key: string]: JsonValue | undefined }
  // Undefined members are left out, as JSON.stringify leaves them out.
  const members = Object.keys(object)
    .sort()
    .filter((key) => !omit?.includes(key))
    .map((key) => {
      const text = write(object[key])
      return text === undefined ? '' : `${JSON.stringify(key)}:${text}`
    })
  return `{${members.filter((member) => member !== '').join(',')}}`
}

// Thrown out of `sorted` when a copy in sorted key order could not keep that order.
const UNSORTABLE = Symbol('unsortable')

// A copy of `value` with every object's keys inserted in sorted order, `omit`ted top-level keys
// left out, so one native JSON.stringify writes the canonical text (about 3x faster than writing
// key by key). Throws UNSORTABLE for a key whose place an object would not keep.
const sorted = (value: JsonValue | undefined, omit: ReadonlyArray<string> | undefined): JsonValue | undefined => {
  if (typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) {
    const list = value as ReadonlyArray<JsonValue>
    const out: Array<JsonValue | undefined> = []
    for (let i = 0; i < list.length; i++) out.push(sorted(list[i], undefined))
    return out as JsonValue
  }
  const object = value as { readonly [key: string]: JsonValue | undefined }
  const keys = Object.keys(object).sort()
  const out: Record<string, JsonValue | undefined> = {}
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string
    if (omit !== undefined && omit.includes(key)) continue
    const first = key.charCodeAt(0)
    if ((first >= 48 && first <= 57) || key === '__proto__') throw UNSORTABLE
    out[key] = sorted(object[key], undefined)
  }
  return out as JsonValue
}

/**
 * JSON with object keys sorted (by UTF-16 code unit, recursively) and no spaces, so the same
 * content always gives the same text whatever order its keys were written in. `omit` names
 * top-level keys to leave out (`contentInsertId` leaves out `token` and `$insert_id`).
 * @example
 * canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }) // '{"a":[{"c":3,"d":2}],"b":1}'
 * canonicalJson({ b: 1, token: 't' }, ['token']) // '{"b":1}'
 */
export const canonicalJson = (value: JsonValue, omit?: ReadonlyArray<string>): string => {
  try {
    return JSON.stringify(sorted(value, omit)) ?? 'null'
  } catch (e) {
    if (e !== UNSORTABLE) throw e
    return write(value, omit) ?? 'null'
  }
}
