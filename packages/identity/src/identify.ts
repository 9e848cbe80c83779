import { toAction } from '@mp/send'
import { identityAction } from './identityAction.ts'
import { buildIdentifyPayload, type IdentifyInput } from './buildIdentifyPayload.ts'

/**
 * Sends `$identify` to `/track` to link an anonymous id to a known one (Original ID Merge).
 * With `idMerge: 'simplified'` it answers a `ConfigError` (`field: 'idMerge'`) and sends nothing: Mixpanel
 * ignores `$identify` there. Curried config-first, lazy, never rejects.
 * @example
 * import { function as F } from 'fp-ts'
 * import { identify } from '@mp/identity'
 * const result = await F.pipe({ identifiedId: 'user_67890', anonId: 'anonymous_12345' }, identify({ token: 'YOUR_TOKEN' }))()
 * // Right({ endpoint: '/track', records: 1, attempts: 1 })
 */
export const identify = identityAction<IdentifyInput>('identify', toAction(buildIdentifyPayload))
