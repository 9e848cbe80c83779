/**
 * Where batches of records end when they go out in order, each batch within `limits`: at most
 * `records` records, and at most `bytes` bytes as a JSON array (brackets and commas included),
 * given each record's JSON size in `sizes`. Answers the index after each batch's last record; a
 * record over the byte limit alone gets a batch of its own (Mixpanel answers it with a 413).
 * Flat numbers in, flat numbers out: the queue runs it on every record it holds.
 * @example
 * batchEnds([5, 5, 5], { records: 2000, bytes: 14 }) // [2, 3]: [5,5] is 13 bytes, a third would make 19
 */
export const batchEnds = (sizes: ReadonlyArray<number>, limits: { readonly records: number; readonly bytes: number }): number[] => {
  const ends: number[] = []
  let count = 0
  let size = 2
  for (let i = 0; i < sizes.length; i++) {
    const bytes = sizes[i] as number
    if (count > 0 && (count >= limits.records || size + bytes + 1 > limits.bytes)) {
      ends.push(i)
      count = 0
      size = 2
    }
    size += count === 0 ? bytes : bytes + 1
    count++
  }
  if (count > 0) ends.push(sizes.length)
  return ends
}
