import type { PackedRecords } from './packedRecords.ts'

/**
 * @internal Records [from, to) of `bytes` laid out as a packed body is, `[` and then each JSON text
 * followed by a comma (`ends`: where each text ends; the last comma may be the closing `]`, or the
 * body may still be being written, as the queue's held buffer is), as a packed body of their own:
 * their bytes copied as they are between brackets.
 * @example
 * packRun(packTexts(['{"a":1}', '{"b":2}']).body, [8, 16], 1, 2) // packTexts(['{"b":2}'])
 */
export const packRun = (bytes: Uint8Array, ends: ReadonlyArray<number>, from: number, to: number): PackedRecords => {
  const start = from === 0 ? 1 : (ends[from - 1] as number) + 1
  const end = ends[to - 1] as number
  const body = new Uint8Array(end - start + 2)
  body[0] = 0x5b // '['
  body.set(bytes.subarray(start, end), 1)
  body[body.length - 1] = 0x5d // ']'
  const bodyEnds: number[] = []
  for (let i = from; i < to; i++) bodyEnds.push((ends[i] as number) - start + 1)
  return { body, ends: bodyEnds }
}
