import type { JsonValue } from '@mp/core'

// String concatenation rather than map/join: this runs for every imported event.
const write = (value: JsonValue | undefined, omit: ReadonlyArray<string> | undefined): string | undefined => {
  // JSON.stringify writes every scalar as JSON does (non-finite numbers as null), and undefined as undefined.
  if (typeof value !== 'object' || value === null) return JSON.stringify(value)
  if (Array.isArray(value)) {
    const list = value as ReadonlyArray<JsonValue>
    let out = '['
    for (let i = 0; i < list.length; i++) out += (i === 0 ? '' : ',') + (write(list[i], undefined) ?? 'null')
    return `${out}]`
  }
  const object = value as { readonly [key: string]: JsonValue | undefined }
  const keys = Object.keys(object).sort()
  let out = '{'
  let first = true
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string
    if (omit !== undefined && omit.includes(key)) continue
    // Undefined members are left out, as JSON.stringify leaves them out.
    const text = write(object[key], undefined)
    if (text === undefined) continue
    out += `${first ? '' : ','}${JSON.stringify(key)}:${text}`
    first = false
  }
  return `${out}}`
}

/**
 * JSON with object keys sorted (by UTF-16 code unit, recursively) and no spaces, so the same
 * content always gives the same text whatever order its keys were written in. `omit` names
 * top-level keys to leave out (`contentInsertId` leaves out `token` and `$insert_id`).
 * @example
 * canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }) // '{"a":[{"c":3,"d":2}],"b":1}'
 * canonicalJson({ b: 1, token: 't' }, ['token']) // '{"b":1}'
 */
export const canonicalJson = (value: JsonValue, omit?: ReadonlyArray<string>): string => write(value, omit) ?? 'null'
