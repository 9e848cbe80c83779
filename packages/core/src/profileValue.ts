import { describeValue } from './describeValue.ts'
import { either as E } from 'fp-ts'
import { validationError, type ValidationError } from './errors.ts'
import { pathKey, toJson, toJsonObject } from './toJson.ts'
import { unreadable } from './unreadable.ts'
import type { JsonObject, JsonValue } from './types.ts'

/**
 * What a profile operation (`/engage`, `/groups`) carries as its value:
 * - `properties`: an object of any JSON-safe values (`$set`, `$set_once`, `$append`, `$remove`);
 * - `numbers`: an object of numbers (`$add`);
 * - `lists`: an object of non-empty lists (`$union`);
 * - `names`: a non-empty list of property names (`$unset`).
 */
export type ProfileValueKind = 'properties' | 'numbers' | 'lists' | 'names'

const describe = (x: unknown): string => (Array.isArray(x) && x.length === 0 ? 'an empty list' : describeValue(x))

interface KindRule {
  /** What the value must be, with an example. */
  readonly shape: string
  /** What each member must be, when members are checked. */
  readonly member?: string
  readonly fits?: (member: JsonValue | undefined) => boolean
}

const KINDS: Readonly<Record<ProfileValueKind, KindRule>> = {
  properties: { shape: "an object of properties such as { plan: 'pro' }" },
  numbers: {
    shape: 'an object of numbers to add such as { logins: 1 }',
    member: 'a number to add (negative to subtract)',
    fits: (member) => typeof member === 'number',
  },
  lists: {
    shape: "an object of lists such as { tags: ['beta'] }",
    member: "a non-empty list of values to add without duplicates, such as ['beta']",
    fits: (member) => Array.isArray(member) && member.length > 0,
  },
  names: {
    shape: "a non-empty list of property names such as ['plan']",
    member: 'a property name, a non-empty string',
    fits: (member) => typeof member === 'string' && member.trim() !== '',
  },
}

/**
 * Checks and converts the value of a profile operation, the way Mixpanel's `/engage` and
 * `/groups` expect it (see `ProfileValueKind`). Dates become `YYYY-MM-DDTHH:MM:SS` (UTC); anything
 * JSON cannot carry, a missing value or a value of the wrong shape is a `ValidationError` whose
 * path starts at `path`. Never throws.
 * @example
 * import { profileValue } from '@mp/core'
 * profileValue('numbers', { logins: 1 })     // Right({ logins: 1 })
 * profileValue('numbers', { logins: '1' })   // Left(Invalid properties.logins: must be a number to add …)
 * profileValue('names', ['plan', 'trial'])   // Right(['plan', 'trial'])
 */
export const profileValue = (kind: ProfileValueKind, value: unknown, path = 'properties'): E.Either<ValidationError, JsonValue> => {
  const { shape, member, fits } = KINDS[kind]
  if (value === undefined) return E.left(validationError(path, `is required: ${shape}`))
  const isList = kind === 'names'
  try {
    // The shape of the whole value first, then what it holds.
    const wrongShape = typeof value !== 'object' || value === null || Array.isArray(value) !== isList
    if (wrongShape || (isList && (value as unknown[]).length === 0)) return E.left(validationError(path, `must be ${shape}, got ${describe(value)}`))
    const json = isList ? toJson(value, path) : toJsonObject(value, path)
    if (E.isLeft(json) || fits === undefined) return json
    for (const [key, item] of Object.entries(json.right as JsonObject)) {
      if (!fits(item)) return E.left(validationError(isList ? `${path}[${key}]` : pathKey(path, key), `must be ${member}, got ${describe(item)}`))
    }
    return json
  } catch (cause) {
    // A revoked Proxy or a throwing trap: bad input, never an exception.
    return E.left(unreadable(path, cause))
  }
}
