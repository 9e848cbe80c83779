import { applyOperation } from './applyOperation.ts'
import { isRecord } from './isRecord.ts'

/** Result of applying one `/engage` or `/groups` update object. */
export type UpdateResult =
  | { readonly ok: true; readonly next: Record<string, unknown> | undefined }
  | { readonly ok: false; readonly error: string }

/** Which operations an update may carry and what it is called in messages. */
export interface UpdateRules {
  readonly kind: 'profile' | 'group'
  readonly operations: ReadonlySet<string>
}

const ALL_OPERATIONS = new Set(['$set', '$set_once', '$add', '$append', '$union', '$remove', '$unset', '$delete'])

// Reserved keys that travel beside the operation: identification, geolocation and ordering modifiers.
const MODIFIERS = new Set([
  '$token',
  '$distinct_id',
  '$group_key',
  '$group_id',
  '$ip',
  '$time',
  '$ignore_time',
  '$ignore_alias',
  '$latitude',
  '$longitude',
  '$device_id',
  '$user_id',
  '$had_persisted_distinct_id',
])

const checkValue = (operation: string, value: unknown): string | undefined => {
  if (operation === '$delete') return undefined
  if (operation === '$unset') {
    return Array.isArray(value) && value.length > 0 && value.every((x) => typeof x === 'string')
      ? undefined
      : '$unset must be a non-empty list of property names'
  }
  if (!isRecord(value)) return `${operation} must be an object of properties`
  if (operation === '$add') {
    const bad = Object.entries(value).find(([, x]) => typeof x !== 'number' || !Number.isFinite(x))
    return bad === undefined ? undefined : `$add only accepts numbers; '${bad[0]}' is ${JSON.stringify(bad[1])}`
  }
  if (operation === '$union') {
    const bad = Object.entries(value).find(([, x]) => !Array.isArray(x))
    return bad === undefined ? undefined : `$union values must be lists; '${bad[0]}' is not`
  }
  return undefined
}

/**
 * Validates an update object and applies its operations (in the order they appear) to the current
 * properties. An invalid update changes nothing and says why; an unknown `$` key is refused as a
 * likely typo of an operation.
 * @example
 * applyUpdate({ a: 1 }, { $token: 't', $distinct_id: 'u', $set: { b: 2 } }, { kind: 'profile', operations: new Set(['$set']) })
 * // { ok: true, next: { a: 1, b: 2 } }
 */
export const applyUpdate = (
  current: Record<string, unknown> | undefined,
  update: Record<string, unknown>,
  rules: UpdateRules,
): UpdateResult => {
  const operations: Array<[string, unknown]> = []
  for (const [key, value] of Object.entries(update)) {
    // Modifiers, and caller `meta` keys without a `$`, travel beside the operation.
    if (MODIFIERS.has(key) || !key.startsWith('$')) continue
    if (ALL_OPERATIONS.has(key) && !rules.operations.has(key)) {
      return { ok: false, error: `${key} is not supported on ${rules.kind === 'profile' ? 'user' : 'group'} profiles` }
    }
    if (!rules.operations.has(key)) return { ok: false, error: `unknown ${rules.kind} operation '${key}'` }
    const problem = checkValue(key, value)
    if (problem !== undefined) return { ok: false, error: problem }
    operations.push([key, value])
  }
  if (operations.length === 0) return { ok: false, error: `no ${rules.kind} operation in update` }
  return { ok: true, next: operations.reduce((props, [op, value]) => applyOperation(op, props, value), current) }
}
