import { describeValue } from './describeValue.ts'
import { either as E } from 'fp-ts'
import { validationError, type ValidationError } from './errors.ts'
import { pathKey, toJson, toJsonObject } from './toJson.ts'
import type { JsonObject, JsonValue } from './types.ts'

/**
 * What a profile operation (`/engage`, `/groups`) carries as its value:
 * - `properties`: an object of any JSON-safe values (`$set`, `$set_once`, `$append`, `$remove`);
 * - `numbers`: an object of numbers (`$add`);
 * - `lists`: an object of non-empty lists (`$union`);
 * - `names`: a non-empty list of property names (`$unset`).
 */
export type ProfileValueKind = 'properties' | 'numbers' | 'lists' | 'names'

const EXAMPLES: Readonly<Record<ProfileValueKind, string>> = {
  properties: "an object of properties such as { plan: 'pro' }",
  numbers: 'an object of numbers to add such as { logins: 1 }',
  lists: "an object of lists such as { tags: ['beta'] }",
  names: "a list of property names such as ['plan']",
}

// Checks every member of an already JSON-safe object; the first offender names its own path.
const everyMember =
  (path: string, reason: (member: JsonValue) => string | undefined) =>
  (object: JsonObject): E.Either<ValidationError, JsonObject> => {
    for (const [key, member] of Object.entries(object)) {
      const problem = reason(member)
      if (problem !== undefined) return E.left(validationError(pathKey(path, key), problem))
    }
    return E.right(object)
  }

const names = (value: unknown, path: string): E.Either<ValidationError, JsonValue> => {
  if (!Array.isArray(value)) return E.left(validationError(path, `must be ${EXAMPLES.names}, got ${describeValue(value)}`))
  if (value.length === 0) return E.left(validationError(path, 'must name at least one property'))
  const json = toJson(value, path)
  if (E.isLeft(json)) return json
  const list = json.right as JsonValue[]
  const bad = list.findIndex((name) => typeof name !== 'string' || name.trim() === '')
  return bad === -1 ? json : E.left(validationError(`${path}[${bad}]`, `must be a property name, a non-empty string (got ${describeValue(list[bad])})`))
}

const CHECKS: Readonly<Record<Exclude<ProfileValueKind, 'names'>, (member: JsonValue) => string | undefined>> = {
  properties: () => undefined,
  numbers: (member) => (typeof member === 'number' ? undefined : `must be a number to add (negative to subtract), got ${describeValue(member)}`),
  lists: (member) =>
    !Array.isArray(member)
      ? `must be a list of values to add without duplicates, such as ['beta'], got ${describeValue(member)}`
      : member.length === 0
        ? 'must be a non-empty list'
        : undefined,
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
  if (value === undefined) return E.left(validationError(path, `is required: ${EXAMPLES[kind]}`))
  if (typeof value !== 'object' || value === null) return E.left(validationError(path, `must be ${EXAMPLES[kind]}, got ${describeValue(value)}`))
  try {
    if (kind === 'names') return names(value, path)
    const object = toJsonObject(value, path)
    return E.isLeft(object) ? object : everyMember(path, CHECKS[kind])(object.right)
  } catch (e) {
    // A revoked Proxy or a throwing trap: bad input, never an exception.
    return E.left(validationError(path, `could not be read (${e instanceof Error ? e.message : String(e)})`))
  }
}
