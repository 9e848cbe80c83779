import { nestingDepth } from './nestingDepth.ts'

/** One failed field of one record, as Mixpanel reports it in `failed_records`. */
export interface RecordFailure {
  readonly field: string
  readonly message: string
}

const MAX_PROPERTIES = 255
const MAX_DEPTH = 3

/**
 * The per-event limits shared by `/track` and `/import`: fewer than 255 properties and no property
 * nesting objects or lists more than 3 levels deep. `undefined` means within limits.
 * @example
 * checkEventLimits({ a: { b: { c: { d: { e: 1 } } } } })?.field // 'properties.a'
 */
export const checkEventLimits = (properties: Record<string, unknown>): RecordFailure | undefined => {
  const count = Object.keys(properties).length
  if (count >= MAX_PROPERTIES) {
    return {
      field: 'properties',
      message: `'properties' is invalid: must have fewer than ${MAX_PROPERTIES} properties (got ${count})`,
    }
  }
  for (const [key, value] of Object.entries(properties)) {
    if (nestingDepth(value) > MAX_DEPTH) {
      return {
        field: `properties.${key}`,
        message: `'properties.${key}' is invalid: must not nest objects or lists more than ${MAX_DEPTH} levels deep`,
      }
    }
  }
  return undefined
}
