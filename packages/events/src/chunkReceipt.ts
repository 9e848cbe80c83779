import { either as E } from 'fp-ts'
import type { FailedRecord, MixpanelError, Receipt } from '@mp/core'
import type { Chunk } from './readChunks.ts'

/** What Mixpanel answered for one `/import` chunk it took in (strict mode). */
export interface ChunkReceipt {
  /** Records Mixpanel imported. */
  readonly imported: number
  /** Records Mixpanel refused; `index` is the record's position in the caller's input (from `chunk.indices`). */
  readonly refused: ReadonlyArray<FailedRecord>
  /** HTTP attempts, retries included. */
  readonly attempts: number
}

/**
 * @internal Reads `send`'s answer for one chunk: a receipt, or a strict-mode `RecordsRejected`
 * with its indices mapped from the request back to the caller's input, is an answer for the chunk
 * (Right); any other failure means the chunk was not taken in (Left).
 * @example
 * chunkReceipt({ records, indices: [7, 9], bytes }, E.right({ endpoint: '/import', records: 2, attempts: 1, imported: 2 }))
 * // Right({ imported: 2, refused: [], attempts: 1 })
 */
export const chunkReceipt = (chunk: Chunk, result: E.Either<MixpanelError, Receipt>): E.Either<MixpanelError, ChunkReceipt> => {
  if (E.isRight(result)) return E.right({ imported: result.right.imported ?? result.right.records, refused: [], attempts: result.right.attempts })
  if (result.left._tag !== 'RecordsRejected') return result
  const refused = result.left.failed.map((record) => ({ ...record, index: chunk.indices[record.index] ?? -1 }))
  return E.right({ imported: result.left.imported, refused, attempts: 1 })
}
