import { either as E, type taskEither as TE } from 'fp-ts'
import { describeValue, unreadable, validationError, type BuildEnv, type Config, type MixpanelError, type MixpanelRequest, type Receipt, type ResolvedConfig, normalizeConfig, normalizeTokenConfig } from '@mp/core'
import { sendBuilt, sendToken } from './send.ts'

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

// The config is checked once per action (a bad config is a `ConfigError` for every call, nothing
// sent), the token comes from the config, and a builder's own descriptor needs no shape check.
const actionVia =
  <I>(build: Builder<I>, normalize: typeof normalizeConfig, deliver: typeof sendBuilt): Action<I> =>
  (config, env) => {
    const resolved = normalize(config)
    return (input) => {
      const built = E.isLeft(resolved) ? resolved : buildSafely(build, input, resolved.right.token, env)
      return E.isLeft(built) ? async () => built : deliver((resolved as E.Right<ResolvedConfig>).right)(built.right)
    }
  }

/**
 * Turns a builder whose requests carry no credentials (`/track`, `/engage`, `/groups` with the
 * project token) into an action: config first, then input, then a lazy `TaskEither` that sends.
 * `apiSecret` and `serviceAccount` are neither read nor checked, so the action's bundle carries no
 * credential or `/import` code. A builder that needs them takes `toImportAction`.
 * @example
 * import { toAction } from '@mp/send'
 * export const alias = toAction(buildAliasPayload)
 * // pipe({ aliasId: 'user_67890', original: 'anonymous_12345' }, alias(config))
 */
export const toAction = <I>(build: Builder<I>): Action<I> => actionVia(build, normalizeTokenConfig, sendToken)

/**
 * `toAction` for a builder whose requests go to `/import` with the API secret or a service account
 * (`importData`, `merge`): the credentials are checked with the rest of the config, once.
 * @example
 * import { toImportAction } from '@mp/send'
 * export const merge = toImportAction(buildMergePayload)
 */
export const toImportAction = <I>(build: Builder<I>): Action<I> => actionVia(build, normalizeConfig, sendBuilt)
