import { describe, expect, it } from 'vitest'
import { runtimeRuleSatisfied } from './runtimeRuleSatisfied.ts'

const ctx = (custom_properties: unknown) => ({ distinct_id: 'u', custom_properties })

describe('runtimeRuleSatisfied', () => {
  it('is satisfied when the rollout has no runtime condition', () => {
    expect(runtimeRuleSatisfied({ rollout_percentage: 1 }, {})).toBe(true)
  })

  it('folds nested property keys and values, and rule leaves', () => {
    const rule = { '==': [{ var: 'Account.Tier' }, 'GOLD'] }
    expect(runtimeRuleSatisfied({ rollout_percentage: 1, runtime_evaluation_rule: rule }, ctx({ ACCOUNT: { TIER: 'Gold' } }))).toBe(true)
    const tags = { in: ['Beta', { var: 'tags' }] }
    expect(runtimeRuleSatisfied({ rollout_percentage: 1, runtime_evaluation_rule: tags }, ctx({ tags: ['BETA', 'x'] }))).toBe(true)
  })

  it('judges the result by Python truthiness ({} and [] are false)', () => {
    expect(runtimeRuleSatisfied({ rollout_percentage: 1, runtime_evaluation_rule: { var: 'obj' } }, ctx({ obj: {} }))).toBe(false)
    expect(runtimeRuleSatisfied({ rollout_percentage: 1, runtime_evaluation_rule: { var: 'obj' } }, ctx({ obj: { a: 1 } }))).toBe(true)
  })
})
