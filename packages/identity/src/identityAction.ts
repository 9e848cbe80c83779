import { either as E } from 'fp-ts'
import { normalizeConfig } from '@mp/core'
import { toAction, type Action, type Builder } from '@mp/send'
import { idMergeRefusal } from './idMergeRefusal.ts'

/**
 * @internal `toAction` for an identity verb: on a config with `idMerge: 'simplified'` every call
 * answers `idMergeRefusal(verb)` and sends nothing; otherwise the action as usual (a bad config is
 * still the `ConfigError` `toAction` gives).
 * @example
 * export const alias = identityAction('alias', buildAliasPayload)
 */
export const identityAction = <I>(verb: string, build: Builder<I>): Action<I> => {
  const action = toAction(build)
  return (config, env) => {
    const resolved = normalizeConfig(config)
    return E.isRight(resolved) && resolved.right.idMerge === 'simplified' ? () => async () => E.left(idMergeRefusal(verb)) : action(config, env)
  }
}
