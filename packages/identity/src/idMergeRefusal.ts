import type { ConfigError } from '@mp/core'

/**
 * @internal The one answer `alias`, `merge` and `identify` (actions and facade methods) give on a
 * project configured with `idMerge: 'simplified'`: Mixpanel ignores all three there (`$create_alias`
 * is answered `1` and links nothing; strict `/import` refuses them), so nothing is sent and the
 * message says what links ids instead.
 * @example
 * idMergeRefusal('alias').field // 'idMerge'
 */
export const idMergeRefusal = (verb: string): ConfigError => ({
  _tag: 'ConfigError',
  path: 'idMerge',
  field: 'idMerge',
  message: `${verb} does nothing on a Simplified ID Merge project: to link ids, track the signup or login event with both deviceId and userId. Nothing was sent.`,
})
