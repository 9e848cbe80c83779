import type { PackedRecords } from './packedRecords.ts'
import { packRun } from './packRun.ts'

/**
 * @internal Splits a packed body before record `middle`, for a 413: the first `middle` records and
 * the rest, each a JSON array of its own, byte for byte the records they held.
 * @example
 * halvePacked(packTexts(['{"a":1}', '{"b":2}', '{"c":3}']), 2) // [packTexts(['{"a":1}', '{"b":2}']), packTexts(['{"c":3}'])]
 */
export const halvePacked = ({ body, ends }: PackedRecords, middle: number): readonly [PackedRecords, PackedRecords] => [
  packRun(body, ends, 0, middle),
  packRun(body, ends, middle, ends.length),
]
