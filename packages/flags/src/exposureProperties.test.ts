import { describe, expect, it } from 'vitest'
import { exposureProperties } from './exposureProperties.ts'
import { naiveLocalIso } from './naiveLocalIso.ts'

const variant = { variantKey: 'on', variantValue: true, experimentId: 'exp-1', isQaTester: true, source: 'local' } as const

describe('exposureProperties', () => {
  it('local: the $ keys (null when unset) and the evaluation latency', () => {
    expect(exposureProperties('f', variant, { mode: 'local', latencyMs: 0.25 })).toEqual({
      'Experiment name': 'f',
      'Variant name': 'on',
      $experiment_type: 'feature_flag',
      'Flag evaluation mode': 'local',
      $experiment_id: 'exp-1',
      $is_experiment_active: null,
      $is_qa_tester: true,
      'Variant fetch latency (ms)': 0.25,
    })
  })

  it('remote: fetch start, complete and latency, and no $ keys', () => {
    expect(exposureProperties('f', variant, { mode: 'remote', fetch: { startMs: 1_000, endMs: 1_040 } })).toEqual({
      'Experiment name': 'f',
      'Variant name': 'on',
      $experiment_type: 'feature_flag',
      'Flag evaluation mode': 'remote',
      'Variant fetch start time': naiveLocalIso(1_000),
      'Variant fetch complete time': naiveLocalIso(1_040),
      'Variant fetch latency (ms)': 40,
    })
  })
})
