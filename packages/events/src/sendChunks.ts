import { either as E, type taskEither as TE } from 'fp-ts'
import { networkError, request, validationError, type FailedRecord, type MixpanelError, type MixpanelRequest, type Receipt } from '@mp/core'
import { chunkReceipt } from './chunkReceipt.ts'
import type { Chunk } from './readChunks.ts'

/** What happened to the chunks `sendChunks` sent. */
export interface ChunkTally {
  /** Events read from the source (known only when it was read to the end). */
  readonly read: number
  readonly sent: number
  readonly imported: number
  readonly chunks: number
  readonly attempts: number
  /** Records Mixpanel refused, at their position in the caller's input. */
  readonly refused: ReadonlyArray<FailedRecord>
  /** The first failure that was not about single records (network, 401, reading the source…). */
  readonly fatal: MixpanelError | undefined
}

const describe = (e: unknown): string => {
  try {
    return e instanceof Error ? e.message : String(e)
  } catch {
    return 'unknown error'
  }
}

/**
 * Sends the chunks `chunks` yields to `/import` through `deliver`, at most `concurrency` at a time,
 * pulling the next chunk only when a slot is free. A `RecordsRejected` answer is tallied (its
 * indices mapped back through `chunk.indices`); any other failure stops pulling new chunks, lets
 * those in flight finish, and is returned as `fatal`. `onChunk` runs after each answer. Never rejects.
 * @example
 * const tally = await sendChunks(readChunks(events, prepare, reject, IMPORT_LIMITS), send(config), 4, () => {})
 */
export const sendChunks = async (
  chunks: AsyncGenerator<Chunk, number, undefined>,
  deliver: (request: MixpanelRequest) => TE.TaskEither<MixpanelError, Receipt>,
  concurrency: number,
  onChunk: (tally: ChunkTally) => void,
): Promise<ChunkTally> => {
  const refused: FailedRecord[] = []
  // Counted in place; `onChunk` and the caller get copies.
  const tally: { -readonly [K in keyof ChunkTally]: ChunkTally[K] } = { read: 0, sent: 0, imported: 0, chunks: 0, attempts: 0, refused, fatal: undefined }
  const inFlight = new Set<Promise<void>>()
  const fail = (error: MixpanelError): void => {
    tally.fatal ??= error
  }
  const settle = (chunk: Chunk, result: E.Either<MixpanelError, Receipt>): void => {
    tally.sent += chunk.records.length
    const answer = chunkReceipt(chunk, result)
    if (E.isRight(answer)) {
      tally.imported += answer.right.imported
      tally.attempts += answer.right.attempts
      for (const record of answer.right.refused) refused.push(record)
    } else {
      fail(answer.left)
    }
    try {
      onChunk({ ...tally })
    } catch {
      // A throwing progress callback must not stop or fail the import.
    }
  }
  const launch = (chunk: Chunk): void => {
    const task: Promise<void> = Promise.resolve()
      .then(() => deliver(request('/import', 'secret', chunk.records))())
      .then(
        (result) => settle(chunk, result),
        (e: unknown) => settle(chunk, E.left(networkError('/import', 1, describe(e)))),
      )
      .finally(() => inFlight.delete(task))
    inFlight.add(task)
  }
  try {
    for (;;) {
      while (inFlight.size >= concurrency) await Promise.race(inFlight)
      if (tally.fatal !== undefined) break
      const next = await chunks.next()
      if (next.done === true) {
        tally.read = next.value
        break
      }
      tally.chunks += 1
      launch(next.value)
    }
  } catch (e) {
    fail(validationError('events', `could not be read (${describe(e)}); chunks sent before were imported`))
  }
  await Promise.all(inFlight)
  if (tally.fatal !== undefined) {
    // Lets the source release what it holds (a file stream, a cursor) once we stop early.
    await chunks.return(0).catch(() => undefined)
  }
  return { ...tally }
}
