// Test helper: flag definitions in the wire shape, like mixpanel-python's `create_test_flag`.

export interface TestFlagOptions {
  readonly flagKey?: string
  readonly context?: string
  readonly variants?: ReadonlyArray<Record<string, unknown>>
  readonly variantOverride?: { key: string } | null
  readonly rolloutPercentage?: number
  readonly runtimeEvaluationRule?: Record<string, unknown> | null
  readonly legacyRuntimeRule?: Record<string, unknown> | null
  readonly testUsers?: Record<string, string> | null
  readonly experimentId?: string | null
  readonly isExperimentActive?: boolean | null
  readonly variantSplits?: Record<string, number> | null
  readonly hashSalt?: string | null
  readonly rollouts?: ReadonlyArray<Record<string, unknown>>
}

export const DEFAULT_VARIANTS = [
  { key: 'control', value: 'control', is_control: true, split: 50.0 },
  { key: 'treatment', value: 'treatment', is_control: false, split: 50.0 },
]

export const createTestFlag = (o: TestFlagOptions = {}): Record<string, unknown> => ({
  id: 'test-id',
  name: 'Test Flag',
  key: o.flagKey ?? 'test_flag',
  status: 'active',
  project_id: 123,
  context: o.context ?? 'distinct_id',
  experiment_id: o.experimentId ?? null,
  is_experiment_active: o.isExperimentActive ?? null,
  hash_salt: o.hashSalt ?? null,
  ruleset: {
    variants: o.variants ?? DEFAULT_VARIANTS,
    rollout: o.rollouts ?? [
      {
        rollout_percentage: o.rolloutPercentage ?? 100.0,
        runtime_evaluation_definition: o.legacyRuntimeRule ?? null,
        runtime_evaluation_rule: o.runtimeEvaluationRule ?? null,
        variant_override: o.variantOverride ?? null,
        variant_splits: o.variantSplits ?? null,
      },
    ],
    test: o.testUsers ? { users: o.testUsers } : null,
  },
})
