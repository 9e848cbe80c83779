import { applyUpdate } from './applyUpdate.ts'
import type { EmulatorState } from './createEmulatorState.ts'
import { handleUpdates } from './handleUpdates.ts'
import { isId } from './isId.ts'

// `$add` and `$append` are "not supported in group profiles" (Mixpanel's profile docs), and no SDK
// exposes them for groups, so they are refused.
const GROUP_RULES = {
  kind: 'group',
  operations: new Set(['$set', '$set_once', '$union', '$remove', '$unset', '$delete']),
} as const

const applyOne = (state: EmulatorState, update: Record<string, unknown>): string | undefined => {
  if (typeof update['$token'] !== 'string' || update['$token'] === '') return '$token, missing or empty'
  const groupKey = update['$group_key']
  const groupId = update['$group_id']
  if (typeof groupKey !== 'string' || groupKey === '') return '$group_key, missing or empty'
  if (!isId(groupId)) return '$group_id, missing or empty'
  const key = `${groupKey}/${String(groupId)}`
  const result = applyUpdate(state.groupStore.get(key), update, GROUP_RULES)
  if (!result.ok) return result.error
  state.groupStore.put(key, result.next)
  return undefined
}

/**
 * `POST /groups`: applies each group-profile update (`$set`, `$set_once`, `$union`, `$remove`,
 * `$unset`, `$delete`) to the group `${$group_key}/${$group_id}` and answers `1`/`0` or verbose JSON.
 * @example
 * handleGroups(state, parsedRequest) // { status: 200, body: '1', … }
 */
export const handleGroups = handleUpdates(applyOne)
