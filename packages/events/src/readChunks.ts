import { either as E } from 'fp-ts'
import type { JsonObject, MixpanelError } from '@mp/core'
import type { CheckedRecord } from './checkEventRecord.ts'

/** Records for one `/import` request, with each one's position in the caller's input. */
export interface Chunk {
  readonly records: ReadonlyArray<JsonObject>
  readonly indices: ReadonlyArray<number>
  /** Size of the request body: the records as a JSON array. */
  readonly bytes: number
}

/** How big one request may be. Mixpanel's `/import`: 2000 records and 10 MB of uncompressed JSON. */
export interface ChunkLimits {
  readonly maxRecords: number
  readonly maxBytes: number
}

/** Mixpanel's `/import` limits per request (http-api §5). */
export const IMPORT_LIMITS: ChunkLimits = { maxRecords: 2000, maxBytes: 10 * 1024 * 1024 }

/**
 * Reads `source` lazily, one event at a time, prepares each with `prepare` (sync or async), reports
 * the ones it refuses to `reject` (with their position in `source`) and yields full chunks: as many
 * records as fit in `limits` (the JSON array body counted byte for byte). Returns how many events it read.
 * Only the chunk being filled is held; the source is read only when the consumer asks for a chunk.
 * @example
 * for await (const chunk of readChunks(events, (e) => prepareImportEvent(e, token, now), onReject, IMPORT_LIMITS)) send(chunk)
 */
export const readChunks = async function* (
  source: Iterable<unknown> | AsyncIterable<unknown>,
  prepare: (raw: unknown, index: number) => E.Either<MixpanelError, CheckedRecord> | Promise<E.Either<MixpanelError, CheckedRecord>>,
  reject: (index: number, error: MixpanelError) => void,
  limits: ChunkLimits,
): AsyncGenerator<Chunk, number, undefined> {
  let records: JsonObject[] = []
  let indices: number[] = []
  let bytes = 2
  let index = 0
  for await (const raw of source) {
    const prepared = await prepare(raw, index)
    if (E.isLeft(prepared)) reject(index, prepared.left)
    else {
      const { record, bytes: size } = prepared.right
      const grown = bytes + size + (records.length === 0 ? 0 : 1)
      if (records.length > 0 && (records.length >= limits.maxRecords || grown > limits.maxBytes)) {
        yield { records, indices, bytes }
        records = []
        indices = []
        bytes = 2
      }
      bytes += size + (records.length === 0 ? 0 : 1)
      records.push(record)
      indices.push(index)
    }
    index++
  }
  if (records.length > 0) yield { records, indices, bytes }
  return index
}
