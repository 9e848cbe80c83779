import { applyUpdate } from './applyUpdate.ts'
import type { EmulatorState } from './createEmulatorState.ts'
import type { ParsedRequest } from './parseRequest.ts'
import type { Reply } from './reply.ts'
import { tooManyRecords } from './tooManyRecords.ts'
import { trackStyleReply } from './trackStyleReply.ts'

// `$add` and `$append` are "not supported in group profiles" (Mixpanel's profile docs), and no SDK
// exposes them for groups, so they are refused.
const GROUP_RULES = {
  kind: 'group',
  operations: new Set(['$set', '$set_once', '$union', '$remove', '$unset', '$delete']),
} as const

const isId = (value: unknown): value is string | number =>
  (typeof value === 'string' && value !== '') || (typeof value === 'number' && Number.isFinite(value))

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
export const handleGroups = (state: EmulatorState, request: ParsedRequest): Reply => {
  const limited = tooManyRecords(state, request)
  if (limited !== undefined) return limited
  if (!request.body.ok) return trackStyleReply(request.query, request.body.error)
  let firstError: string | undefined
  for (const update of request.body.records) {
    const error = applyOne(state, update)
    firstError ??= error
  }
  return trackStyleReply(request.query, firstError)
}
