import { either as E } from 'fp-ts'
import { normalizeTokenConfig } from '@mp/core'
import type { Action } from '@mp/send'
import { idMergeRefusal } from './idMergeRefusal.ts'

/**
 * @internal Wraps the action of an identity verb: on a config with `idMerge: 'simplified'` every call
 * answers `idMergeRefusal(verb)` and sends nothing; otherwise the action as usual (a bad config is
 * still the `ConfigError` the action gives). The check reads the config the way token-only actions
 * do, so it adds no credential code to `alias` or `identify`.
 * @example
 * export const alias = identityAction('alias', toAction(buildAliasPayload))
 */
export const identityAction =
  <I>(verb: string, action: Action<I>): Action<I> =>
  (config, env) => {
    const resolved = normalizeTokenConfig(config)
    return E.isRight(resolved) && resolved.right.idMerge === 'simplified' ? () => async () => E.left(idMergeRefusal(verb)) : action(config, env)
  }
