import { either as E, type taskEither as TE } from 'fp-ts'
import { networkError, validationError, type MixpanelError } from '@mp/core'
import type { Chunk } from '@mp/events'

/** What `deliverChunks` calls around each chunk. */
export interface DeliveryHooks<A> {
  /** Chunks in flight at most. */
  readonly concurrency: number
  /** Checked before each chunk is read and before it is sent: true stops the delivery (Ctrl-C). */
  readonly stopped: () => boolean
  readonly onSend: (chunk: Chunk) => void
  /** Runs once per chunk with its answer; a failure it answers stops the delivery like a failed chunk. */
  readonly onAnswer: (chunk: Chunk, answer: E.Either<MixpanelError, A>) => MixpanelError | undefined
}

const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e))

/**
 * Reads chunks and sends them with back-pressure: at most `concurrency` in flight, and the next
 * chunk is read only when a slot is free, so memory holds a few chunks whatever the input size.
 * After a failed chunk (or a failure `onAnswer` reports), or once `stopped()` says so, it reads and
 * sends nothing more, waits for the chunks in flight and their `onAnswer`, closes the source and
 * answers the first failure (undefined when none). A chunk read but not sent is simply dropped:
 * its records were never counted as done. Never rejects.
 * @example
 * const failure = await deliverChunks(chunks, importChunk(config), { concurrency: 4, stopped: () => false, onSend, onAnswer })
 */
export const deliverChunks = async <A>(
  chunks: AsyncGenerator<Chunk, unknown, undefined>,
  deliver: (chunk: Chunk) => TE.TaskEither<MixpanelError, A>,
  hooks: DeliveryHooks<A>,
): Promise<MixpanelError | undefined> => {
  const inFlight = new Set<Promise<void>>()
  let failure: MixpanelError | undefined
  const answer = (chunk: Chunk, result: E.Either<MixpanelError, A>): void => {
    // Every answer is handed over, also after a failure: `failure ??= onAnswer(…)` would skip it.
    const problem = hooks.onAnswer(chunk, result)
    failure ??= problem
  }
  const launch = (chunk: Chunk): void => {
    hooks.onSend(chunk)
    const task: Promise<void> = Promise.resolve()
      .then(() => deliver(chunk)())
      .then(
        (result) => answer(chunk, result),
        (e: unknown) => answer(chunk, E.left(networkError('/import', 1, describe(e)))),
      )
      .finally(() => inFlight.delete(task))
    inFlight.add(task)
  }
  const halted = (): boolean => failure !== undefined || hooks.stopped()
  try {
    while (!halted()) {
      if (inFlight.size >= hooks.concurrency) {
        await Promise.race(inFlight)
        continue
      }
      const next = await chunks.next()
      if (next.done === true || halted()) break
      launch(next.value)
    }
  } catch (e) {
    failure ??= validationError('input', `could not be read (${describe(e)})`)
  }
  await Promise.all(inFlight)
  await chunks.return(undefined).catch(() => undefined)
  return failure
}
