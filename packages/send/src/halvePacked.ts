import type { PackedRecords } from './packedRecords.ts'

// One run of records [from, to) of `packed` as a body of its own: the bytes between the brackets are copied as they are.
const run = ({ body, ends }: PackedRecords, from: number, to: number): PackedRecords => {
  const start = from === 0 ? 1 : (ends[from - 1] as number) + 1
  const end = ends[to - 1] as number
  const part = new Uint8Array(end - start + 2)
  part[0] = 0x5b // '['
  part.set(body.subarray(start, end), 1)
  part[part.length - 1] = 0x5d // ']'
  return { body: part, ends: ends.slice(from, to).map((at) => at - start + 1) }
}

/**
 * @internal Splits a packed body before record `middle`, for a 413: the first `middle` records and
 * the rest, each a JSON array of its own, byte for byte the records they held.
 * @example
 * halvePacked(packTexts(['{"a":1}', '{"b":2}', '{"c":3}']), 2) // [packTexts(['{"a":1}', '{"b":2}']), packTexts(['{"c":3}'])]
 */
export const halvePacked = (packed: PackedRecords, middle: number): readonly [PackedRecords, PackedRecords] => [
  run(packed, 0, middle),
  run(packed, middle, packed.ends.length),
]
