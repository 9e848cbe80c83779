import { describeValue } from '@mp/core'
import { ErrorCode, StandardResolutionReasons, type FlagMetadata, type ResolutionDetails } from '@openfeature/server-sdk'

/** The four OpenFeature value types, one per `resolve…Evaluation` method. */
export type ValueKind = 'boolean' | 'string' | 'number' | 'object'

type Fields = Readonly<Record<string, unknown>>

const isFields = (x: unknown): x is Fields => typeof x === 'object' && x !== null

// Why a value is not of the kind asked for, or undefined when it is. JS has one number type, so
// mixpanel-python's int/float coercions have nothing to do; a boolean is never a number, and only
// plain objects and arrays are objects (the Python SDK client refuses other values there too).
const mismatch = (value: unknown, kind: ValueKind): string | undefined => {
  const got = describeValue(value)
  if (kind === 'number') {
    if (typeof value !== 'number') return `Expected number, got ${got}`
    return Number.isFinite(value) ? undefined : `Expected number, got ${String(value)}`
  }
  if (kind === 'object') return got === 'object' || got === 'an array' ? undefined : `Expected object or array, got ${got}`
  return typeof value === kind ? undefined : `Expected ${kind}, got ${got}`
}

const failure = <T>(value: T, errorCode: ErrorCode, errorMessage?: string): ResolutionDetails<T> => ({
  value,
  reason: StandardResolutionReasons.ERROR,
  errorCode,
  ...(errorMessage === undefined ? {} : { errorMessage }),
})

const messageOf = (reason: Fields): string | undefined => (typeof reason['message'] === 'string' ? reason['message'] : undefined)

// mixpanel-python's `_fallback_details`: why @mp/flags answered the fallback, as OpenFeature codes.
const fallbackDetails = <T>(reason: unknown, defaultValue: T): ResolutionDetails<T> => {
  // A fallback without a reason (a hand-written source) counts as "not found", as in mixpanel-python.
  if (!isFields(reason)) return { value: defaultValue, reason: StandardResolutionReasons.DEFAULT, errorCode: ErrorCode.FLAG_NOT_FOUND }
  const message = messageOf(reason)
  switch (reason['kind']) {
    case 'NO_ROLLOUT_MATCH':
      return { value: defaultValue, reason: StandardResolutionReasons.DEFAULT }
    case 'FLAG_NOT_FOUND':
      return { ...failure(defaultValue, ErrorCode.FLAG_NOT_FOUND, message), reason: StandardResolutionReasons.DEFAULT }
    case 'MISSING_CONTEXT_KEY':
      return failure(defaultValue, ErrorCode.TARGETING_KEY_MISSING, message)
    case 'BACKEND_ERROR':
      return failure(defaultValue, ErrorCode.GENERAL, message)
    default:
      return failure(defaultValue, ErrorCode.GENERAL, `Unrecognized fallback reason kind: ${String(reason['kind'])}`)
  }
}

// Mixpanel's variant details that fit OpenFeature's flag metadata (strings, numbers, booleans only).
const metadataOf = (variant: Fields): FlagMetadata => {
  const metadata: Record<string, string | boolean> = {}
  if (typeof variant['source'] === 'string') metadata['variantSource'] = variant['source']
  if (typeof variant['experimentId'] === 'string') metadata['experimentId'] = variant['experimentId']
  if (typeof variant['isExperimentActive'] === 'boolean') metadata['isExperimentActive'] = variant['isExperimentActive']
  if (typeof variant['isQaTester'] === 'boolean') metadata['isQaTester'] = variant['isQaTester']
  return metadata
}

/**
 * What one `@mp/flags` answer means in OpenFeature, as mixpanel-python's provider maps it: a variant
 * of the asked-for type is `TARGETING_MATCH` with the variant key (none when the key is null) and
 * Mixpanel's details as flag metadata; a value of another type is `TYPE_MISMATCH`; a fallback maps by
 * its reason (`NO_ROLLOUT_MATCH` → `DEFAULT` with no error, `FLAG_NOT_FOUND` → `FLAG_NOT_FOUND`/`DEFAULT`,
 * `MISSING_CONTEXT_KEY` → `TARGETING_KEY_MISSING` with the attribute name, `BACKEND_ERROR` → `GENERAL`
 * with the backend's message; the very fallback object given back, or one without a reason, is
 * `FLAG_NOT_FOUND`). Every error answers the caller's default. May throw only if `variant` has
 * throwing getters; the provider calls it inside its guard.
 * @internal
 * @example
 * resolutionOf({ variantKey: 'on', variantValue: true, source: 'local' }, fallback, false, 'boolean')
 * // { value: true, variant: 'on', reason: 'TARGETING_MATCH', flagMetadata: { variantSource: 'local' } }
 */
export const resolutionOf = <T>(variant: unknown, fallback: object, defaultValue: T, kind: ValueKind): ResolutionDetails<T> => {
  if (variant === fallback) return fallbackDetails(undefined, defaultValue)
  if (!isFields(variant)) return failure(defaultValue, ErrorCode.GENERAL, `The flags source answered ${describeValue(variant)}, not a variant`)
  if (variant['source'] === 'fallback') return fallbackDetails(variant['fallbackReason'], defaultValue)
  const value = variant['variantValue']
  const problem = mismatch(value, kind)
  if (problem !== undefined) return failure(defaultValue, ErrorCode.TYPE_MISMATCH, problem)
  const key = variant['variantKey']
  return {
    value: value as T,
    ...(typeof key === 'string' ? { variant: key } : {}),
    reason: StandardResolutionReasons.TARGETING_MATCH,
    flagMetadata: metadataOf(variant),
  }
}
