/**
 * Merges two lists already sorted by `seq` into one sorted list, so records handed back after a
 * failed batch regain their place ahead of records enqueued since. `Array.prototype.sort` is
 * stable and runs in near-linear time on two sorted runs, so no hand-written merge is needed.
 * @example
 * mergeBySeq([{ seq: 1 }, { seq: 4 }], [{ seq: 2 }]) // [{ seq: 1 }, { seq: 2 }, { seq: 4 }]
 */
export const mergeBySeq = <T extends { readonly seq: number }>(a: ReadonlyArray<T>, b: ReadonlyArray<T>): T[] =>
  [...a, ...b].sort((x, y) => x.seq - y.seq)
