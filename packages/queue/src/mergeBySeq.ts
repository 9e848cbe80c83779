/** Held records as flat arrays: each record, its JSON size and its enqueue number, index by index. */
export interface HeldRecords<R> {
  readonly records: R[]
  readonly bytes: number[]
  readonly seqs: number[]
}

/**
 * Merges two runs of held records, each in enqueue order, into one in enqueue order, so records
 * handed back after a failed batch regain their place among those enqueued meanwhile.
 * @example
 * mergeBySeq({ records: ['a', 'd'], bytes: [1, 4], seqs: [1, 4] }, { records: ['b'], bytes: [2], seqs: [2] })
 * // { records: ['a', 'b', 'd'], bytes: [1, 2, 4], seqs: [1, 2, 4] }
 */
export const mergeBySeq = <R>(a: HeldRecords<R>, b: HeldRecords<R>): HeldRecords<R> => {
  const out: HeldRecords<R> = { records: [], bytes: [], seqs: [] }
  let i = 0
  let j = 0
  while (i < a.seqs.length || j < b.seqs.length) {
    const fromA = j >= b.seqs.length || (i < a.seqs.length && (a.seqs[i] as number) < (b.seqs[j] as number))
    const side = fromA ? a : b
    const at = fromA ? i++ : j++
    out.records.push(side.records[at] as R)
    out.bytes.push(side.bytes[at] as number)
    out.seqs.push(side.seqs[at] as number)
  }
  return out
}
