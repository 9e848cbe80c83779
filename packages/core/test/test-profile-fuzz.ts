// Valid inputs shared by the people and group fuzz suites.
import fc from 'fast-check'
import { anyKey, defineAll, safeObject, safeValue, validName } from './test-fuzz.ts'

/** The top-level modifiers `/engage` and `/groups` accept beside the operation. */
export const profileMeta = fc.record(
  {
    $ip: fc.oneof(fc.ipV4(), fc.constant(0), fc.constant('0')),
    $ignore_time: fc.boolean(),
    $ignore_alias: fc.boolean(),
    $latitude: fc.double({ min: -90, max: 90, noNaN: true }),
    $longitude: fc.double({ min: -180, max: 180, noNaN: true }),
  },
  { requiredKeys: [] },
)

/** `$set`-style values: any JSON-safe properties. */
export const propertiesValue = safeObject(3)
/** `$add` values: finite numbers. */
export const numbersValue = fc.array(fc.tuple(anyKey, fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }))), { maxLength: 5 }).map(defineAll)
/** `$union` values: non-empty lists. */
export const listsValue = fc.array(fc.tuple(anyKey, fc.array(safeValue(1), { minLength: 1, maxLength: 4 })), { maxLength: 5 }).map(defineAll)
/** `$unset` values: property names. */
export const namesValue = fc.array(validName, { minLength: 1, maxLength: 5 })

/** An object of the given fields, `meta` optional. */
export const withMeta = (fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> =>
  fc.tuple(fc.record(fields), fc.option(profileMeta, { nil: undefined })).map(([base, meta]) =>
    defineAll([...Object.entries(base), ...(meta === undefined ? [] : [['meta', meta] as const])]),
  )
