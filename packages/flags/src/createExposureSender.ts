import { either as E, type task as T } from 'fp-ts'
import { configError, type MixpanelError } from '@mp/core'
import type { ExposureEvent, ExposureTracker } from './types.ts'

/** Sends exposures and keeps count of the ones still in flight. */
export interface ExposureSender {
  /** Sends now and answers the outcome. */
  readonly send: (event: ExposureEvent) => T.Task<E.Either<MixpanelError, unknown>>
  /** Sends in the background; a failure goes to `onError`. */
  readonly dispatch: (event: ExposureEvent) => void
  /** Resolves once every exposure handed over so far has been answered. */
  readonly flush: () => T.Task<void>
}

const isEither = (x: unknown): x is E.Either<MixpanelError, unknown> =>
  typeof x === 'object' && x !== null && ((x as { _tag?: unknown })._tag === 'Left' || (x as { _tag?: unknown })._tag === 'Right')

const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e))

/**
 * Wraps an `ExposureTracker` (track, or a queue) so that nothing it does — throw, reject, answer
 * garbage — escapes, and background sends can be awaited with `flush()`.
 * @internal
 * @example
 * const exposures = createExposureSender(track(config), (error) => console.warn(error.message))
 * exposures.dispatch({ distinctId: 'u1', event: '$experiment_started', properties: { … } })
 * await exposures.flush()()
 */
export const createExposureSender = (tracker: ExposureTracker, onError: (error: MixpanelError) => void): ExposureSender => {
  const pending = new Set<Promise<unknown>>()
  const failed = (e: unknown): E.Either<MixpanelError, unknown> => E.left(configError('track', `the exposure tracker failed: ${describe(e)}`))

  const send =
    (event: ExposureEvent): T.Task<E.Either<MixpanelError, unknown>> =>
    async () => {
      try {
        const outcome: unknown = await tracker(event)()
        return isEither(outcome) ? outcome : failed('it did not answer an Either')
      } catch (e) {
        return failed(e)
      }
    }

  const dispatch = (event: ExposureEvent): void => {
    const running = send(event)().then((outcome) => {
      if (E.isLeft(outcome)) onError(outcome.left)
    })
    pending.add(running)
    void running.finally(() => pending.delete(running))
  }

  const flush = (): T.Task<void> => async () => {
    while (pending.size > 0) await Promise.allSettled([...pending])
  }

  return { send, dispatch, flush }
}
