import { batchEnds } from '@mp/core'
import { packRun, type PackedRecords } from '@mp/send'
import type { HeldLog } from './createHeldLog.ts'

/** A batch cut from a held log: its body as it goes on the wire, and its records' enqueue numbers. */
export interface PackedBatch {
  readonly packed: PackedRecords
  readonly seqs: ReadonlyArray<number>
}

/**
 * Cuts everything `log` holds into batches within `limits` (records, and bytes as a JSON array), in
 * enqueue order, each body copied out as `[` + its records' bytes + `]`: the log can be emptied and
 * written over while the batches are in flight.
 * @example
 * packHeld(log, { records: 2000, bytes: 9_500_000 }) // [{ packed: { body, ends }, seqs: [0, 1, …] }]
 */
export const packHeld = (log: HeldLog, limits: { readonly records: number; readonly bytes: number }): PackedBatch[] => {
  const { buffer, ends, seqs } = log
  const sizes: number[] = []
  for (let i = 0; i < ends.length; i++) sizes.push((ends[i] as number) - (i === 0 ? 1 : (ends[i - 1] as number) + 1))
  const batches: PackedBatch[] = []
  let from = 0
  for (const to of batchEnds(sizes, limits)) {
    batches.push({ packed: packRun(buffer, ends, from, to), seqs: seqs.slice(from, to) })
    from = to
  }
  return batches
}
