import type { PackedRecords } from './packedRecords.ts'

/**
 * @internal Records [from, to) of a run of JSON texts written one after another, each followed by a
 * comma (`ends`: where each text ends), as a packed body of their own: their bytes copied as they
 * are between brackets. `first` is where the first text starts: 1 in a packed body (after its `[`),
 * 0 in the queue's held buffer.
 * @example
 * packRun(packTexts(['{"a":1}', '{"b":2}']).body, [8, 16], 1, 2, 1) // packTexts(['{"b":2}'])
 */
export const packRun = (bytes: Uint8Array, ends: ReadonlyArray<number>, from: number, to: number, first: 0 | 1): PackedRecords => {
  const start = from === 0 ? first : (ends[from - 1] as number) + 1
  const end = ends[to - 1] as number
  const body = new Uint8Array(end - start + 2)
  body[0] = 0x5b // '['
  body.set(bytes.subarray(start, end), 1)
  body[body.length - 1] = 0x5d // ']'
  const bodyEnds: number[] = []
  for (let i = from; i < to; i++) bodyEnds.push((ends[i] as number) - start + 1)
  return { body, ends: bodyEnds }
}
