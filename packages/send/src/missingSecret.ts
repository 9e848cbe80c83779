import { configError, type ConfigError } from '@mp/core'

/**
 * @internal The one `ConfigError` for sending to `/import` (or any `auth: 'secret'` request)
 * with a config that holds no secret, shared by `send`, the queue and `importEvents`.
 * @example
 * missingSecret('/import').message // 'Invalid config.apiSecret: /import needs a secret: set serviceAccount or apiSecret in the config'
 */
export const missingSecret = (what: string): ConfigError =>
  configError('apiSecret', `${what} needs a secret: set serviceAccount or apiSecret in the config`)
