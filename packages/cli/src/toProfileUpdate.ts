import { either as E } from 'fp-ts'
import { utf8Length, validationError, type BuildEnv, type MixpanelError, type MixpanelRequest } from '@mp/core'
import type { CheckedRecord } from '@mp/events'
import {
  buildGroupDeletePayload,
  buildGroupRemovePayload,
  buildGroupSetOncePayload,
  buildGroupSetPayload,
  buildGroupUnionPayload,
  buildGroupUnsetPayload,
} from '@mp/groups'
import {
  buildPeopleAppendPayload,
  buildPeopleDeletePayload,
  buildPeopleIncrementPayload,
  buildPeopleRemovePayload,
  buildPeopleSetOncePayload,
  buildPeopleSetPayload,
  buildPeopleUnionPayload,
  buildPeopleUnsetPayload,
} from '@mp/people'
import { MAX_RECORD_BYTES } from '@mp/queue'

type Build = (input: never, env?: BuildEnv) => E.Either<MixpanelError, MixpanelRequest>

// What each --operation builds, and what it takes: the properties, their names, or nothing.
const PEOPLE: Readonly<Record<string, readonly [Build, 'properties' | 'names' | 'none']>> = {
  set: [buildPeopleSetPayload, 'properties'],
  set_once: [buildPeopleSetOncePayload, 'properties'],
  add: [buildPeopleIncrementPayload, 'properties'],
  append: [buildPeopleAppendPayload, 'properties'],
  union: [buildPeopleUnionPayload, 'properties'],
  remove: [buildPeopleRemovePayload, 'properties'],
  unset: [buildPeopleUnsetPayload, 'names'],
  delete: [buildPeopleDeletePayload, 'none'],
}

const GROUPS: Readonly<Record<string, readonly [Build, 'properties' | 'names' | 'none']>> = {
  set: [buildGroupSetPayload, 'properties'],
  set_once: [buildGroupSetOncePayload, 'properties'],
  union: [buildGroupUnionPayload, 'properties'],
  remove: [buildGroupRemovePayload, 'properties'],
  unset: [buildGroupUnsetPayload, 'names'],
  delete: [buildGroupDeletePayload, 'none'],
}

/** Top-level modifiers of a profile update (outside the operation), taken from the record as they are. */
const META_KEYS: ReadonlyArray<string> = ['$ip', '$ignore_time', '$ignore_alias', '$latitude', '$longitude', '$time']

/** How to read a profile record and what to build from it. */
export interface ProfileTarget {
  readonly kind: 'profiles' | 'groups'
  readonly operation: string
  readonly token: string
  /** The id column; default `$distinct_id` then `distinct_id` (profiles), `$group_id` then `group_id` (groups). */
  readonly idColumn: string | undefined
  readonly groupKey: string | undefined
}

const isObject = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === 'object' && value !== null && !Array.isArray(value)

// Ids arrive as numbers from JSON (and from CSV columns typed as numbers); Mixpanel's ids are text.
const idText = (id: unknown): unknown => (typeof id === 'number' && Number.isSafeInteger(id) ? String(id) : id)

/**
 * Makes the function that turns one input record into a profile update (`/engage`) or group update
 * (`/groups`) with the builders of @mp/people and @mp/groups, so every rule they check applies. The
 * id comes from the id column; `$ip`, `$ignore_time`, `$ignore_alias`, `$latitude`, `$longitude`
 * and `$time` are update modifiers; every other column is a property of the operation (`unset`:
 * their names; `delete`: none). A record in Mixpanel's export format (`{ $distinct_id,
 * $properties: {…} }`) takes its properties from `$properties`. Each call answers the record with
 * its size, or why it cannot be sent.
 * @example
 * toProfileUpdate({ kind: 'profiles', operation: 'set', token: 't', idColumn: undefined, groupKey: undefined })({ $distinct_id: 'u1', plan: 'pro' })
 * // Right({ record: { $token: 't', $time: …, $distinct_id: 'u1', $set: { plan: 'pro' } }, bytes: … })
 */
export const toProfileUpdate = (target: ProfileTarget, env?: BuildEnv): ((record: unknown) => E.Either<MixpanelError, CheckedRecord>) => {
  const groups = target.kind === 'groups'
  const operation = (groups ? GROUPS : PEOPLE)[target.operation]
  if (operation === undefined) return () => E.left(validationError('operation', `'${target.operation}' is not a ${groups ? 'group' : 'profile'} operation`))
  const [build, takes] = operation
  return (record) => {
    if (!isObject(record)) return E.left(validationError('record', 'must be an object of columns, such as { "$distinct_id": "user_1", "plan": "pro" }'))
    const idColumn =
      target.idColumn ?? (groups ? (Object.hasOwn(record, '$group_id') ? '$group_id' : 'group_id') : Object.hasOwn(record, '$distinct_id') ? '$distinct_id' : 'distinct_id')
    if (!Object.hasOwn(record, idColumn)) return E.left(validationError(idColumn, `is missing: every ${groups ? 'group' : 'profile'} needs its id in this column (see --id-column)`))
    if (groups && record['$group_key'] !== undefined && record['$group_key'] !== target.groupKey) {
      return E.left(validationError('$group_key', `is ${JSON.stringify(record['$group_key'])} but --group-key is ${JSON.stringify(target.groupKey)}`))
    }
    const exported = isObject(record['$properties']) ? record['$properties'] : undefined
    const properties: Record<string, unknown> = {}
    const meta: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(record)) {
      if (key === idColumn || key === '$group_key' || key === '$properties') continue
      if (META_KEYS.includes(key)) meta[key] = value
      else if (exported === undefined) properties[key] = value
    }
    const given = exported ?? properties
    const operand = takes === 'none' ? {} : { properties: takes === 'names' ? Object.keys(given) : given }
    const id = idText(record[idColumn])
    const built = build({ token: target.token, ...(groups ? { groupKey: target.groupKey, groupId: id } : { distinctId: id }), ...operand, meta } as never, env)
    if (E.isLeft(built)) return built
    const update = built.right.records[0] ?? {}
    const bytes = utf8Length(JSON.stringify(update))
    return bytes > MAX_RECORD_BYTES
      ? E.left(validationError('record', `the update is ${(bytes / 1e6).toFixed(2)} MB of JSON; Mixpanel accepts updates up to 1 MB`))
      : E.right({ record: update, bytes })
  }
}
