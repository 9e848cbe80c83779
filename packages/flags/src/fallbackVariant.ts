import type { FallbackReason, FallbackReasonKind, FallbackVariant, SelectedVariant } from './types.ts'

const readField = (fallback: unknown, key: keyof FallbackVariant): unknown => {
  try {
    return typeof fallback === 'object' && fallback !== null ? (fallback as Record<string, unknown>)[key] : undefined
  } catch {
    return undefined
  }
}

/**
 * Turns the caller's fallback into the `SelectedVariant` a provider answers with: its key (or
 * `null`) and value, `source: 'fallback'` and the reason. Tolerates any input.
 * @internal
 * @example
 * fallbackVariant({ variantValue: 'blue' }, 'FLAG_NOT_FOUND')
 * // { variantKey: null, variantValue: 'blue', source: 'fallback', fallbackReason: { kind: 'FLAG_NOT_FOUND' } }
 */
export const fallbackVariant = (fallback: FallbackVariant | undefined, kind: FallbackReasonKind, message?: string): SelectedVariant => {
  const key = readField(fallback, 'variantKey')
  const reason: FallbackReason = message === undefined ? { kind } : { kind, message }
  return {
    variantKey: typeof key === 'string' ? key : null,
    variantValue: readField(fallback, 'variantValue') ?? null,
    source: 'fallback',
    fallbackReason: reason,
  }
}
