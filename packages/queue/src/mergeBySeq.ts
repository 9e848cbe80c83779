import { createHeldLog, type HeldLog } from './createHeldLog.ts'
import type { PackedBatch } from './packHeld.ts'

type Writable = { -readonly [K in keyof HeldLog]: HeldLog[K] }

// Copies bytes [start, end) of `source`, one record's JSON, to the end of `out`.
const copyRecord = (out: Writable, source: Uint8Array, start: number, end: number, seq: number): void => {
  out.buffer.set(source.subarray(start, end), out.used)
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
  // Every byte of both fits: each record keeps its comma, and the batch's brackets are spare.
  const out = createHeldLog(new Uint8Array(Math.max(log.used + body.length, 2))) as Writable
  let i = 0
  let j = 0
  while (i < log.seqs.length || j < batch.seqs.length) {
    if (j >= batch.seqs.length || (i < log.seqs.length && (log.seqs[i] as number) < (batch.seqs[j] as number))) {
      copyRecord(out, log.buffer, i === 0 ? 0 : (log.ends[i - 1] as number) + 1, log.ends[i] as number, log.seqs[i] as number)
      i++
    } else {
      copyRecord(out, body, j === 0 ? 1 : (ends[j - 1] as number) + 1, ends[j] as number, batch.seqs[j] as number)
      j++
    }
  }
  return out
}
