import type { SelectedVariant, WireVariant } from './types.ts'

/**
 * A selected variant in the `/flags` wire shape, or `null` for a fallback (the API leaves out flags
 * a context is not assigned to). What an emulator's `evaluate` hook answers:
 * `evaluate: (definition, context) => toWireVariant(evaluateFlag(definition, context))`.
 * @example
 * toWireVariant({ variantKey: 'on', variantValue: true, isQaTester: true, source: 'local' })
 * // { variant_key: 'on', variant_value: true, experiment_id: null, is_experiment_active: null, is_qa_tester: true }
 */
export const toWireVariant = (variant: SelectedVariant): WireVariant | null =>
  typeof variant !== 'object' || variant === null || variant.source !== 'local' && variant.source !== 'remote'
    ? null
    : {
        variant_key: variant.variantKey,
        variant_value: variant.variantValue,
        experiment_id: variant.experimentId ?? null,
        is_experiment_active: variant.isExperimentActive ?? null,
        is_qa_tester: variant.isQaTester ?? null,
      }
