import { either as E, type taskEither as TE } from 'fp-ts'
import { describeValue, unreadable, validationError, type BuildEnv, type Config, type MixpanelError, type MixpanelRequest, type Receipt, type ResolvedConfig, normalizeConfig } from '@mp/core'
import { sendBuilt } from './send.ts'

/** A pure builder: input plus the project token in, request descriptor (or the reason why not) out. */
export type Builder<I> = (input: I & { readonly token: string }, env?: BuildEnv) => E.Either<MixpanelError, MixpanelRequest>

/** An action: config first, then input, then a lazy `TaskEither` that sends. */
export type Action<I> = (config: Config, env?: BuildEnv) => (input: I) => TE.TaskEither<MixpanelError, Receipt>

// Spreading a hostile input (a Proxy whose traps throw) would throw; an action must not.
const buildSafely = <I>(build: Builder<I>, input: I, token: string, env: BuildEnv | undefined): E.Either<MixpanelError, MixpanelRequest> => {
  if (typeof input !== 'object' || input === null) {
    return E.left(validationError('input', `must be an object, got ${describeValue(input)}`))
  }
  try {
    return build({ ...input, token }, env)
  } catch (cause) {
    return E.left(unreadable('input', cause))
  }
}

/**
 * Turns a builder into an action: the config is checked once (a bad config is a `ConfigError`
 * for every call, nothing sent), the token comes from the config, and the descriptor goes to `send`.
 * @example
 * import { toAction } from '@mp/send'
 * export const alias = toAction(buildAliasPayload)
 * // pipe({ aliasId: 'user_67890', original: 'anonymous_12345' }, alias(config))
 */
export const toAction =
  <I>(build: Builder<I>): Action<I> =>
  (config, env) => {
    const resolved = normalizeConfig(config)
    return (input) => {
      const built = E.isLeft(resolved) ? resolved : buildSafely(build, input, resolved.right.token, env)
      // A builder's own descriptor needs no shape check.
      return E.isLeft(built) ? async () => built : sendBuilt((resolved as E.Right<ResolvedConfig>).right)(built.right)
    }
  }
