import { describe, expect, it } from 'vitest'
import { toWireVariant } from './toWireVariant.ts'

describe('toWireVariant', () => {
  it('maps a selected variant to the /flags wire shape, nulls for unset fields', () => {
    expect(toWireVariant({ variantKey: 'on', variantValue: { color: 'blue' }, experimentId: 'e1', isExperimentActive: true, source: 'local' })).toEqual({
      variant_key: 'on',
      variant_value: { color: 'blue' },
      experiment_id: 'e1',
      is_experiment_active: true,
      is_qa_tester: null,
    })
  })

  it('answers null for fallbacks and non-variants', () => {
    expect(toWireVariant({ variantKey: null, variantValue: null, source: 'fallback', fallbackReason: { kind: 'NO_ROLLOUT_MATCH' } })).toBeNull()
    expect(toWireVariant(null as never)).toBeNull()
  })
})
