import { createHeldLog, type HeldLog } from './createHeldLog.ts'
import type { PackedBatch } from './packHeld.ts'

// Copies record `at` of a packed body or held log (both start with '[', each record ends at its comma)
// to the end of `out`.
const copyRecord = (out: HeldLog, bytes: Uint8Array, ends: ReadonlyArray<number>, at: number, seq: number): void => {
  const start = at === 0 ? 1 : (ends[at - 1] as number) + 1
  const end = ends[at] as number
  out.buffer.set(bytes.subarray(start, end), out.used)
  out.used += end - start
  out.ends.push(out.used)
  out.buffer[out.used++] = 0x2c // ','
  out.seqs.push(seq)
}

/**
 * Puts the records of a failed `batch` back among those `log` held meanwhile, in enqueue order, so
 * they regain their place; their bytes are copied as they are. Answers a new log.
 * @example
 * mergeBySeq(log, batch) // seqs [1, 4] and [2, 3] → a log with seqs [1, 2, 3, 4]
 */
export const mergeBySeq = (log: HeldLog, batch: PackedBatch): HeldLog => {
  const { body, ends } = batch.packed
  // Every byte of both fits: one opening bracket, and each record keeps its comma.
  const out = createHeldLog(new Uint8Array(log.used + body.length))
  let i = 0
  let j = 0
  while (i < log.seqs.length || j < batch.seqs.length) {
    if (j >= batch.seqs.length || (i < log.seqs.length && (log.seqs[i] as number) < (batch.seqs[j] as number))) {
      copyRecord(out, log.buffer, log.ends, i, log.seqs[i] as number)
      i++
    } else {
      copyRecord(out, body, ends, j, batch.seqs[j] as number)
      j++
    }
  }
  return out
}
