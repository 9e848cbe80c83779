import { either as E } from 'fp-ts'
import { pathKey, validationError, type JsonObject, type JsonValue, type ValidationError } from '@mp/core'

/** Mixpanel's limits on event properties (http-api §10): each count must stay under 255. */
export const PROPERTY_LIMITS = { maxProperties: 254, maxDepth: 3, maxKeys: 254, maxItems: 254 } as const

// Only containers can break a limit, so a path is built only for them.
const isContainer = (value: JsonValue | undefined): value is JsonObject | ReadonlyArray<JsonValue> => typeof value === 'object' && value !== null

const nested = (value: JsonValue, path: string, depth: number): ValidationError | undefined => {
  if (typeof value !== 'object' || value === null) return undefined
  if (depth > PROPERTY_LIMITS.maxDepth) {
    return validationError(path, `is nested ${depth} levels deep; Mixpanel accepts objects and lists nested at most ${PROPERTY_LIMITS.maxDepth} levels`)
  }
  if (Array.isArray(value)) {
    const list: ReadonlyArray<JsonValue> = value
    if (list.length > PROPERTY_LIMITS.maxItems) {
      return validationError(path, `is a list of ${list.length} items; Mixpanel accepts fewer than 255`)
    }
    for (let i = 0; i < list.length; i++) {
      const item = list[i]
      if (!isContainer(item)) continue
      const error = nested(item, `${path}[${i}]`, depth + 1)
      if (error !== undefined) return error
    }
    return undefined
  }
  const keys = Object.keys(value)
  if (keys.length > PROPERTY_LIMITS.maxKeys) {
    return validationError(path, `is an object with ${keys.length} keys; Mixpanel accepts fewer than 255`)
  }
  for (const key of keys) {
    const item = (value as JsonObject)[key]
    if (!isContainer(item)) continue
    const error = nested(item, pathKey(path, key), depth + 1)
    if (error !== undefined) return error
  }
  return undefined
}

/**
 * Checks JSON-safe event properties against Mixpanel's limits: fewer than 255 properties (the
 * defaults included), objects and lists nested at most 3 levels (a property's own value is level 1),
 * nested objects with fewer than 255 keys and lists with fewer than 255 items.
 * @example
 * validateProperties({ plan: 'pro' }, 'properties')                 // Right({ plan: 'pro' })
 * validateProperties({ a: { b: { c: { d: {} } } } }, 'properties')  // Left(Invalid properties.a.b.c.d: is nested 4 levels deep; …)
 */
export const validateProperties = (properties: JsonObject, path: string): E.Either<ValidationError, JsonObject> => {
  const keys = Object.keys(properties)
  if (keys.length > PROPERTY_LIMITS.maxProperties) {
    return E.left(validationError(path, `has ${keys.length} properties; Mixpanel accepts fewer than 255 per event (defaults such as token and time included)`))
  }
  for (const key of keys) {
    const item = properties[key]
    if (!isContainer(item)) continue
    const error = nested(item, pathKey(path, key), 1)
    if (error !== undefined) return E.left(error)
  }
  return E.right(properties)
}
