import { applyUpdate } from './applyUpdate.ts'
import type { EmulatorState } from './createEmulatorState.ts'
import { handleUpdates } from './handleUpdates.ts'
import { isId } from './isId.ts'

const PROFILE_RULES = {
  kind: 'profile',
  operations: new Set(['$set', '$set_once', '$add', '$append', '$union', '$remove', '$unset', '$delete']),
} as const

const applyOne = (state: EmulatorState, update: Record<string, unknown>): string | undefined => {
  if (typeof update['$token'] !== 'string' || update['$token'] === '') return '$token, missing or empty'
  const distinctId = update['$distinct_id']
  if (!isId(distinctId)) return 'Engage API error: $distinct_id, missing or empty'
  // Original ID Merge: under the cluster's canonical id, so any linked id updates the same profile.
  // Simplified: under `$distinct_id` itself (identity-systems.md §2.5).
  const key = state.profileKey(String(distinctId))
  const result = applyUpdate(state.profileStore.get(key), update, PROFILE_RULES)
  if (!result.ok) return result.error
  state.profileStore.put(key, result.next)
  return undefined
}

/**
 * `POST /engage`: applies each profile update (`$set`, `$set_once`, `$add`, `$append`, `$union`,
 * `$remove`, `$unset`, `$delete`) in order and answers `1`/`0` or verbose JSON naming the first
 * invalid update; valid updates in the same request still apply.
 * @example
 * handleEngage(state, parsedRequest) // { status: 200, body: '{"error":null,"status":1}', … }
 */
export const handleEngage = handleUpdates(applyOne)
