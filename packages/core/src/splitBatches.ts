import { batchEnds } from './batchEnds.ts'
/**
 * Cuts entries, in order, into batches of at most `limits.records` entries whose JSON array
 * (`[` + records joined by `,` + `]`) stays within `limits.bytes`. An entry larger than the
 * byte limit on its own still gets a batch of its own rather than being lost.
 * @example
 * splitBatches([{ bytes: 5 }, { bytes: 5 }, { bytes: 5 }], { records: 2000, bytes: 14 })
 * // [[{ bytes: 5 }, { bytes: 5 }], [{ bytes: 5 }]]   ('[' 5 ',' 5 ']' = 13 bytes)
 */
export const splitBatches = <T extends { readonly bytes: number }>(
  entries: ReadonlyArray<T>,
  limits: { readonly records: number; readonly bytes: number },
): ReadonlyArray<ReadonlyArray<T>> => {
  const batches: Array<ReadonlyArray<T>> = []
  let start = 0
  for (const end of batchEnds(
    entries.map((entry) => entry.bytes),
    limits,
  )) {
    batches.push(entries.slice(start, end))
    start = end
  }
  return batches
}
