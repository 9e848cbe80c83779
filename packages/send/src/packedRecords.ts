/**
 * Records' JSON as one JSON array in UTF-8, `[` + the texts joined by `,` + `]`, with where each
 * record ends: what the queue sends. The bytes are the body as it goes on the wire, so a batch that
 * waits is one buffer the garbage collector never walks, not a string per record.
 */
export interface PackedRecords {
  readonly body: Uint8Array<ArrayBuffer>
  /** The offset in `body` just past each record's JSON: its comma, or the closing bracket for the last. */
  readonly ends: ReadonlyArray<number>
}

/**
 * @internal Packs JSON texts into the body of their JSON array. Each text must be one record's
 * JSON (the queue's texts are a builder's or its own `JSON.stringify`).
 * @example
 * packTexts(['{"a":1}', '{"b":2}']) // { body: <UTF-8 of [{"a":1},{"b":2}]>, ends: [8, 16] }
 */
export const packTexts = (texts: ReadonlyArray<string>): PackedRecords => {
  const encoder = new TextEncoder()
  const parts = texts.map((text) => encoder.encode(text))
  let size = texts.length + 1
  for (const part of parts) size += part.length
  const body = new Uint8Array(Math.max(size, 2))
  const ends: number[] = []
  body[0] = 0x5b // '['
  let at = 1
  for (const part of parts) {
    body.set(part, at)
    at += part.length
    ends.push(at)
    body[at++] = 0x2c // ','
  }
  body[body.length - 1] = 0x5d // ']'
  return { body, ends }
}
