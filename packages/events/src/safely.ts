import { either as E } from 'fp-ts'
import { unreadable, type MixpanelError } from '@mp/core'

/**
 * Runs `run`, turning anything it throws (a hostile getter, a Proxy trap, a throwing `env.now`)
 * into a `ValidationError` at `path`, so public functions never throw.
 * @example
 * safely('input', () => E.right(1)) // Right(1)
 */
export const safely = <A>(path: string, run: () => E.Either<MixpanelError, A>): E.Either<MixpanelError, A> => {
  try {
    return run()
  } catch (cause) {
    return E.left(unreadable(path, cause))
  }
}
