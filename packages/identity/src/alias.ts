import { toAction } from '@mp/send'
import { identityAction } from './identityAction.ts'
import { buildAliasPayload, type AliasInput } from './buildAliasPayload.ts'

/**
 * Sends `$create_alias` so that `aliasId` becomes another name for `original`: curried config-first,
 * lazy, never rejects. Always sent at once in its own request to the configured region or host
 * (mixpanel-python posts aliases to the US host whatever it is configured with, so EU and India
 * projects lose them); a queue never holds an alias, because later events sent under `aliasId`
 * only resolve once the alias exists. Original ID Merge (and Legacy) only: with `idMerge: 'simplified'`
 * in the config it answers a `ConfigError` (`field: 'idMerge'`) and sends nothing, since Mixpanel ignores
 * `$create_alias` there; track the signup event with both `deviceId` and `userId` instead.
 * @example
 * import { function as F } from 'fp-ts'
 * import { alias } from '@mp/identity'
 * const config = { token: 'YOUR_TOKEN', region: 'eu' as const }
 * const result = await F.pipe({ aliasId: 'user_67890', original: 'anonymous_12345' }, alias(config))()
 * // Right({ endpoint: '/track', records: 1, attempts: 1 })
 */
export const alias = identityAction<AliasInput>('alias', toAction(buildAliasPayload))
