import { identityAction } from './identityAction.ts'
import { toImportAction } from '@mp/send'
import { buildMergePayload, type MergeInput } from './buildMergePayload.ts'

/**
 * Sends `$merge` to `/import` to join two identity clusters (irreversible). Needs `apiSecret` or
 * `serviceAccount` in the config: without either it answers a `ConfigError` and sends nothing.
 * Original ID Merge only: with `idMerge: 'simplified'` it answers a `ConfigError` (`field: 'idMerge'`)
 * and sends nothing. Curried config-first, lazy, never rejects.
 * @example
 * import { function as F } from 'fp-ts'
 * import { merge } from '@mp/identity'
 * const config = { token: 'YOUR_TOKEN', apiSecret: 'YOUR_API_SECRET' } // or serviceAccount: serviceAccount(…) from @mp/core
 * const result = await F.pipe({ distinctId1: 'user_67890', distinctId2: 'user@example.com' }, merge(config))()
 * // Right({ endpoint: '/import', records: 1, attempts: 1, imported: 1 })
 * await merge({ token: 'YOUR_TOKEN' })({ distinctId1: 'a_1', distinctId2: 'b_2' })()
 * // Left({ _tag: 'ConfigError', … }): nothing was sent
 */
export const merge = identityAction<MergeInput>('merge', toImportAction(buildMergePayload))
