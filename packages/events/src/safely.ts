import { either as E } from 'fp-ts'
import { validationError, type MixpanelError } from '@mp/core'

const describe = (e: unknown): string => {
  try {
    return e instanceof Error ? e.message : String(e)
  } catch {
    return 'unknown error'
  }
}

/**
 * Runs `run`, turning anything it throws (a hostile getter, a Proxy trap, a throwing `env.now`)
 * into a `ValidationError` at `path`, so public functions never throw.
 * @example
 * safely('input', () => E.right(1)) // Right(1)
 */
export const safely = <A>(path: string, run: () => E.Either<MixpanelError, A>): E.Either<MixpanelError, A> => {
  try {
    return run()
  } catch (e) {
    return E.left(validationError(path, `could not be read (${describe(e)})`))
  }
}
