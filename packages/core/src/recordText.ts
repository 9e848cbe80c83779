import type { JsonObject } from './types.ts'

// The JSON text of every record a builder sealed, keyed by the record object itself, so the record
// stays plain data (no extra property, not even a symbol). A descriptor made by hand, spread with
// new records, or round-tripped through JSON holds other objects, so it misses and is stringified
// as before; a sealed record is frozen all the way down, so its text can never go stale. Made on
// first use: nothing happens at import time.
let texts: WeakMap<object, string> | undefined

// Freezes a builder's object or list and every one inside it. One already frozen is taken as frozen
// all the way down (a builder that froze its containers as it checked them saves the second walk).
const freezeDeep = (value: object): void => {
  Object.freeze(value)
  for (const key in value) {
    const item = (value as Record<string, unknown>)[key]
    if (typeof item === 'object' && item !== null && !Object.isFrozen(item)) freezeDeep(item)
  }
}

/**
 * @internal For builders: freezes a record they just made (and everything inside it) and
 * remembers `json`, its `JSON.stringify` text, so `send` and the queue put exactly that text on the wire
 * instead of serialising the record again. Answers the record. Only for records the builder owns
 * (fresh objects): a caller's object must never be frozen. An object inside that is frozen already
 * must be frozen all the way down (the event builders freeze the properties as they check them).
 * @example
 * const record = sealRecord({ event: 'signup', properties: { distinct_id: 'u1' } }, '{"event":"signup","properties":{"distinct_id":"u1"}}')
 * Object.isFrozen(record) // true
 */
export const sealRecord = (record: JsonObject, json: string): JsonObject => {
  freezeDeep(record)
  ;(texts ??= new WeakMap()).set(record, json)
  return record
}

/**
 * The text a builder remembered when it sealed `record`, or `undefined` for any other object (made
 * by hand, spread, parsed): those have to be serialised by whoever needs their JSON.
 * @example
 * sealedText({ event: 'e', properties: {} }) // undefined
 */
export const sealedText = (record: JsonObject): string | undefined => texts?.get(record)

/**
 * The wire body of a batch: the JSON array of `records`, joined from the texts their builders
 * remembered; when any record was not sealed by a builder, the whole array is stringified as one,
 * exactly as before. Throws what `JSON.stringify` throws (cycles, BigInt), like it.
 * @example
 * recordsJson([{ event: 'a', properties: {} }]) // '[{"event":"a","properties":{}}]'
 */
export const recordsJson = (records: ReadonlyArray<JsonObject>): string => {
  const known = texts
  if (known === undefined) return JSON.stringify(records)
  let body = '['
  for (let i = 0; i < records.length; i++) {
    const text = known.get(records[i] as JsonObject)
    if (text === undefined) return JSON.stringify(records)
    body += i === 0 ? text : `,${text}`
  }
  return `${body}]`
}
