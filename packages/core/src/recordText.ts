import type { JsonObject } from './types.ts'

// The JSON text of records a builder sealed, keyed by the record object itself, so the record stays
// plain data (no extra property, not even a symbol). A descriptor made by hand, spread with new
// records, or round-tripped through JSON holds other objects, so it misses and is stringified as
// before; a sealed record is frozen all the way down, so its text can never go stale.
//
// A miss only costs a second JSON.stringify of a frozen record, which gives the same text, so this is
// a cache and may forget. It does, in one case: the newest record is kept in one slot, and it goes
// into the WeakMap only if a newer one is sealed before anything read it. The usual path (build,
// then enqueue or send at once) thus never touches the WeakMap: a WeakMap of 100 000s of keys that
// die young costs about 1 us of CPU per set (scripts/bench/weakmap-churn.mjs), most of it in the garbage
// collector.
// A record read once and then replaced is stringified if it is ever sent again.
// Both are made on first use: nothing happens at import time.
let newest: { readonly record: object; readonly text: string; read: boolean } | undefined
let older: WeakMap<object, string> | undefined

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
  if (newest !== undefined && !newest.read) (older ??= new WeakMap()).set(newest.record, newest.text)
  newest = { record, text: json, read: false }
  return record
}

/**
 * The text a builder remembered when it sealed `record`, or `undefined` for any other object (made
 * by hand, spread, parsed) and for a record whose text was read once and then forgotten (see above):
 * those have to be serialised by whoever needs their JSON.
 * @example
 * sealedText({ event: 'e', properties: {} }) // undefined
 */
export const sealedText = (record: JsonObject): string | undefined => {
  if (newest !== undefined && newest.record === record) {
    newest.read = true
    return newest.text
  }
  return older?.get(record)
}

/**
 * The wire body of a batch: the JSON array of `records`, joined from the texts their builders
 * remembered; when any record was not sealed by a builder, the whole array is stringified as one,
 * exactly as before. Throws what `JSON.stringify` throws (cycles, BigInt), like it.
 * @example
 * recordsJson([{ event: 'a', properties: {} }]) // '[{"event":"a","properties":{}}]'
 */
export const recordsJson = (records: ReadonlyArray<JsonObject>): string => {
  let body = '['
  for (let i = 0; i < records.length; i++) {
    const text = sealedText(records[i] as JsonObject)
    if (text === undefined) return JSON.stringify(records)
    body += i === 0 ? text : `,${text}`
  }
  return `${body}]`
}
