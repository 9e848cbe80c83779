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
  const batches: T[][] = []
  let current: T[] = []
  let size = 2
  for (const entry of entries) {
    const added = current.length === 0 ? entry.bytes : entry.bytes + 1
    if (current.length > 0 && (current.length >= limits.records || size + added > limits.bytes)) {
      batches.push(current)
      current = []
      size = 2
      size += entry.bytes
    } else {
      size += added
    }
    current.push(entry)
  }
  if (current.length > 0) batches.push(current)
  return batches
}
