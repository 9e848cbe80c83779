import type { Config } from '@mp/core'
import { send } from '@mp/send'

/**
 * @internal `send` as `/import` uses it: gzipped unless `config.gzip` is `false` (Mixpanel's
 * 10 MB cap is on the uncompressed body, so gzip costs nothing but CPU and saves most of the wire).
 * @example
 * const deliver = importSender({ token: 't', apiSecret: 's' }) // gzip: true
 */
export const importSender = (config: Config): ReturnType<typeof send> => send(config.gzip === false ? config : { ...config, gzip: true })
