import { either as E, type taskEither as TE } from 'fp-ts'
import type { MixpanelError } from './errors.ts'

/**
 * The `Error` the Promise-style API rejects with. `.error` is the tagged `MixpanelError`;
 * `message` is its message. It never carries a secret.
 * @example
 * try { await mp.track('u1', 'signup') } catch (e) {
 *   if (e instanceof MixpanelException && e.error._tag === 'RateLimited') { … }
 * }
 */
export class MixpanelException extends Error {
  override readonly name = 'MixpanelException'
  readonly error: MixpanelError

  constructor(error: MixpanelError) {
    super(error.message)
    this.error = error
  }

  /** Serialises as the tagged error, so logs keep the structure. */
  toJSON(): { name: string; error: MixpanelError } {
    return { name: this.name, error: this.error }
  }
}

/**
 * Runs a `TaskEither` as a Promise that resolves with the Right value or rejects with a
 * `MixpanelException` carrying the Left.
 * @example
 * import { toPromise } from '@mp/core'
 * const receipt = await toPromise(track(config)({ distinctId: 'u1', event: 'signup' }))
 */
export const toPromise = <A>(task: TE.TaskEither<MixpanelError, A>): Promise<A> =>
  task().then(E.match<MixpanelError, A, Promise<A>>((error) => Promise.reject(new MixpanelException(error)), (value) => Promise.resolve(value)))
