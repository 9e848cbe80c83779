import type { taskEither as TE } from 'fp-ts'
import { request, type Config, type MixpanelError } from '@mp/core'
import { chunkReceipt, type ChunkReceipt } from './chunkReceipt.ts'
import { importSender } from './importSender.ts'
import type { Chunk } from './readChunks.ts'

/**
 * Sends one chunk made by `readChunks` to `/import` (strict, gzipped unless `config.gzip` is
 * `false`), for callers that drive the reading themselves: a command-line importer that keeps a
 * checkpoint needs to know, chunk by chunk, which input positions Mixpanel took in.
 * Right(`ChunkReceipt`) when Mixpanel answered for the chunk: every position in `chunk.indices`
 * is imported except those in `refused` (positions in the caller's input). Left when the chunk was
 * not taken in (network, 401, 429 or 5xx after retries): nothing of it is known to be imported.
 * Never throws or rejects.
 * @example
 * import { importChunk, prepareImportEvent, readChunks, IMPORT_LIMITS } from '@mp/events'
 * const sendChunk = importChunk({ token: 'TOKEN', apiSecret: 'SECRET' })
 * for await (const chunk of readChunks(events, (e) => prepareImportEvent(e, 'TOKEN', Date.now()), onReject, IMPORT_LIMITS)) {
 *   const answer = await sendChunk(chunk)() // Right({ imported: 1999, refused: [{ index: 4711, field, message }], attempts: 1 })
 * }
 */
export const importChunk = (config: Config): ((chunk: Chunk) => TE.TaskEither<MixpanelError, ChunkReceipt>) => {
  const deliver = importSender(config)
  return (chunk) => async () => chunkReceipt(chunk, await deliver(request('/import', 'secret', chunk.records))())
}
