/**
 * Merges two lists already sorted by `seq` into one sorted list, so records handed back after a
 * failed batch regain their place ahead of records enqueued since.
 * @example
 * mergeBySeq([{ seq: 1 }, { seq: 4 }], [{ seq: 2 }]) // [{ seq: 1 }, { seq: 2 }, { seq: 4 }]
 */
export const mergeBySeq = <T extends { readonly seq: number }>(a: ReadonlyArray<T>, b: ReadonlyArray<T>): T[] => {
  const out: T[] = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    const x = a[i] as T
    const y = b[j] as T
    if (x.seq <= y.seq) {
      out.push(x)
      i++
    } else {
      out.push(y)
      j++
    }
  }
  for (; i < a.length; i++) out.push(a[i] as T)
  for (; j < b.length; j++) out.push(b[j] as T)
  return out
}
