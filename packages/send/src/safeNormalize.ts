import { either as E } from 'fp-ts'
import { normalizeConfig, type Config, type ConfigError, type ResolvedConfig } from '@mp/core'

/**
 * `normalizeConfig`, but a config whose property getters throw is a `ConfigError` too, so the
 * actions built on it can keep their promise never to throw.
 * @example
 * safeNormalize({ token: '' }) // Left(ConfigError at token)
 */
export const safeNormalize = (config: Config): E.Either<ConfigError, ResolvedConfig> => {
  try {
    return normalizeConfig(config)
  } catch {
    return E.left({ _tag: 'ConfigError', field: 'config', message: 'Invalid config: it could not be read (a property getter threw)' })
  }
}
