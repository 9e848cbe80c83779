import { describe, expect, it, vi } from 'vitest'
import { evaluateFlag } from './evaluateFlag.ts'
import { normalizedHash } from './normalizedHash.ts'
import { createTestFlag } from './test-flags.ts'
import type { FlagContext } from './types.ts'

const USER = { distinct_id: 'user123' }
const withProps = (custom_properties: unknown): FlagContext => ({ distinct_id: 'test-user', custom_properties }) as FlagContext
const value = (definition: unknown, context: Record<string, unknown>) => evaluateFlag(definition, context).variantValue

describe('evaluateFlag: the reference test cases (mixpanel-python §8, local)', () => {
  it('answers MISSING_CONTEXT_KEY, with the key name, when the context is empty', () => {
    expect(evaluateFlag(createTestFlag(), {})).toEqual({
      variantKey: null,
      variantValue: null,
      source: 'fallback',
      fallbackReason: { kind: 'MISSING_CONTEXT_KEY', message: 'distinct_id' },
    })
  })

  it('answers MISSING_CONTEXT_KEY when the flag is keyed on another context field', () => {
    expect(evaluateFlag(createTestFlag({ context: 'user_id' }), USER).fallbackReason).toEqual({ kind: 'MISSING_CONTEXT_KEY', message: 'user_id' })
  })

  it.each([0, '', null, false, [], {}])('counts the falsy value %j as missing, as Python does', (v) => {
    expect(evaluateFlag(createTestFlag(), { distinct_id: v as never }).fallbackReason?.kind).toBe('MISSING_CONTEXT_KEY')
  })

  it('gives a test user the configured variant, marked as a QA tester', () => {
    const variants = [
      { key: 'control', value: 'false', is_control: true, split: 50.0 },
      { key: 'treatment', value: 'true', is_control: false, split: 50.0 },
    ]
    const result = evaluateFlag(createTestFlag({ variants, testUsers: { test_user: 'treatment' } }), { distinct_id: 'test_user' })
    expect(result).toEqual({ variantKey: 'treatment', variantValue: 'true', isQaTester: true, source: 'local' })
  })

  it('matches the test user variant case-insensitively (casefold)', () => {
    const result = evaluateFlag(createTestFlag({ testUsers: { qa: 'TREATMENT' } }), { distinct_id: 'qa' })
    expect(result.variantKey).toBe('treatment')
  })

  it('falls through to the rollouts when the test user names an unknown variant', () => {
    const variants = [
      { key: 'control', value: 'false', is_control: true, split: 50.0 },
      { key: 'treatment', value: 'true', is_control: false, split: 50.0 },
    ]
    const result = evaluateFlag(createTestFlag({ variants, testUsers: { test_user: 'nonexistent_variant' } }), { distinct_id: 'test_user' })
    expect(result.variantValue).toBe('false')
    expect(result.isQaTester).toBeUndefined()
  })

  it('answers NO_ROLLOUT_MATCH when the rollout percentage is zero', () => {
    const result = evaluateFlag(createTestFlag({ rolloutPercentage: 0 }), USER)
    expect(result.source).toBe('fallback')
    expect(result.fallbackReason?.kind).toBe('NO_ROLLOUT_MATCH')
  })

  it('selects a variant when the rollout percentage is 100', () => {
    const result = evaluateFlag(createTestFlag({ rolloutPercentage: 100 }), USER)
    expect(result.source).toBe('local')
    expect(['control', 'treatment']).toContain(result.variantValue)
  })

  it('picks the variant with the 100 % split', () => {
    const variants = [
      { key: 'A', value: 'variant_a', is_control: false, split: 100.0 },
      { key: 'B', value: 'variant_b', is_control: false, split: 0.0 },
      { key: 'C', value: 'variant_c', is_control: false, split: 0.0 },
    ]
    expect(value(createTestFlag({ variants }), USER)).toBe('variant_a')
  })

  it('lets the rollout variant_splits replace the variant splits (half migrated)', () => {
    const variants = [
      { key: 'A', value: 'variant_a', is_control: false, split: 100.0 },
      { key: 'B', value: 'variant_b', is_control: false, split: 0.0 },
      { key: 'C', value: 'variant_c', is_control: false, split: 0.0 },
    ]
    expect(value(createTestFlag({ variants, variantSplits: { A: 0.0, B: 100.0, C: 0.0 } }), USER)).toBe('variant_b')
  })

  it('uses variant_splits when the variants carry no split at all (fully migrated)', () => {
    const variants = [
      { key: 'A', value: 'variant_a', is_control: false },
      { key: 'B', value: 'variant_b', is_control: false },
      { key: 'C', value: 'variant_c', is_control: false },
    ]
    expect(value(createTestFlag({ variants, variantSplits: { A: 0.0, B: 0.0, C: 100.0 } }), USER)).toBe('variant_c')
  })

  it('returns the overridden variant, marked QA tester as in mixpanel-python', () => {
    const variants = [
      { key: 'A', value: 'variant_a', is_control: false, split: 100.0 },
      { key: 'B', value: 'variant_b', is_control: false, split: 0.0 },
    ]
    const result = evaluateFlag(createTestFlag({ variants, variantOverride: { key: 'B' } }), USER)
    expect(result).toMatchObject({ variantValue: 'variant_b', isQaTester: true, source: 'local' })
  })

  it('ignores an override naming no variant and uses the split', () => {
    const variants = [
      { key: 'A', value: 'variant_a', is_control: false, split: 100.0 },
      { key: 'B', value: 'variant_b', is_control: false, split: 0.0 },
    ]
    expect(value(createTestFlag({ variants, variantOverride: { key: 'Z' } }), USER)).toBe('variant_a')
  })

  it.each([
    ['exp-123', true],
    ['exp-456', false],
    [null, null],
  ])('carries experiment id %j and active flag %j', (experimentId, isExperimentActive) => {
    const result = evaluateFlag(createTestFlag({ experimentId, isExperimentActive }), USER)
    expect(result.experimentId).toBe(experimentId ?? undefined)
    expect(result.isExperimentActive).toBe(isExperimentActive ?? undefined)
    expect(result.isQaTester).toBeUndefined()
  })
})

describe('evaluateFlag: legacy runtime_evaluation_definition', () => {
  const legacyRuntimeRule = { plan: 'premium', region: 'US' }

  it('matches every key/value case-insensitively', () => {
    expect(evaluateFlag(createTestFlag({ legacyRuntimeRule }), withProps({ plan: 'premium', region: 'US' })).source).toBe('local')
    expect(evaluateFlag(createTestFlag({ legacyRuntimeRule }), withProps({ plan: 'PREMIUM', region: 'us' })).source).toBe('local')
  })

  it('does not match when one value differs', () => {
    expect(evaluateFlag(createTestFlag({ legacyRuntimeRule }), withProps({ plan: 'basic', region: 'US' })).fallbackReason?.kind).toBe(
      'NO_ROLLOUT_MATCH',
    )
  })

  it('never matches a definition key with upper case (reference quirk, kept for parity)', () => {
    const flag = createTestFlag({ legacyRuntimeRule: { Region: 'us' } })
    expect(evaluateFlag(flag, withProps({ Region: 'us' })).source).toBe('fallback')
  })

  it('treats a non-string value as no match instead of crashing like mixpanel-python', () => {
    const flag = createTestFlag({ legacyRuntimeRule: { seats: '5' } })
    expect(evaluateFlag(flag, withProps({ seats: 5 })).fallbackReason?.kind).toBe('NO_ROLLOUT_MATCH')
    expect(evaluateFlag(createTestFlag({ legacyRuntimeRule: { seats: 5 } }), withProps({ seats: '5' })).source).toBe('fallback')
  })

  it.each([undefined, {}, 'plan=premium', ['premium']])('fails when custom_properties is %j', (custom) => {
    expect(evaluateFlag(createTestFlag({ legacyRuntimeRule }), withProps(custom)).source).toBe('fallback')
  })
})

describe('evaluateFlag: JSON-logic runtime_evaluation_rule', () => {
  const cases: ReadonlyArray<[string, Record<string, unknown>, Record<string, unknown>, boolean]> = [
    ['== satisfied', { '==': [{ var: 'plan' }, 'Premium'] }, { plan: 'Premium' }, true],
    ['== not satisfied', { '==': [{ var: 'plan' }, 'Premium'] }, { plan: 'Basic' }, false],
    ['property values fold', { '==': [{ var: 'plan' }, 'premium'] }, { plan: 'PREMIUM' }, true],
    ['rule leaves fold', { '==': [{ var: 'plan' }, 'PREMIUM'] }, { plan: 'premium' }, true],
    ['var names and property keys fold', { '==': [{ var: 'Plan' }, 'pro'] }, { PLAN: 'pro' }, true],
    ['in (substring) satisfied', { in: ['Springfield', { var: 'url' }] }, { url: 'https://helloworld.com/Springfield/all-about-it' }, true],
    ['in (substring) not satisfied', { in: ['Springfield', { var: 'url' }] }, { url: 'https://helloworld.com/Boston/all-about-it' }, false],
    ['in (array) satisfied', { in: [{ var: 'name' }, ['a', 'b', 'c', 'all-from-the-ui']] }, { name: 'b' }, true],
    ['in (array) not satisfied', { in: [{ var: 'name' }, ['a', 'b', 'c', 'all-from-the-ui']] }, { name: 'd' }, false],
    ['and satisfied', { and: [{ '==': [{ var: 'name' }, 'Johannes'] }, { '==': [{ var: 'country' }, 'Deutschland'] }] }, { name: 'Johannes', country: 'Deutschland' }, true],
    ['and not satisfied', { and: [{ '==': [{ var: 'name' }, 'Johannes'] }, { '==': [{ var: 'country' }, 'Deutschland'] }] }, { name: 'Johannes', country: 'USA' }, false],
    ['> satisfied', { '>': [{ var: 'queries_ran' }, 25] }, { queries_ran: 27 }, true],
    ['> not satisfied', { '>': [{ var: 'queries_ran' }, 25] }, { queries_ran: 20 }, false],
    ['an empty-array result is false (Python bool)', { merge: [] }, { plan: 'x' }, false],
    ['an unknown operator fails the rule', { no_such_op: [1] }, { plan: 'x' }, false],
  ]

  it.each(cases)('%s', (_name, runtimeEvaluationRule, custom, matches) => {
    const result = evaluateFlag(createTestFlag({ runtimeEvaluationRule }), withProps(custom))
    expect(result.source).toBe(matches ? 'local' : 'fallback')
  })

  it('fails when custom_properties is missing or empty', () => {
    const flag = createTestFlag({ runtimeEvaluationRule: { '==': [1, 1] } })
    expect(evaluateFlag(flag, { distinct_id: 'u' }).source).toBe('fallback')
    expect(evaluateFlag(flag, withProps({})).source).toBe('fallback')
  })

  it('takes priority over the legacy definition', () => {
    const flag = createTestFlag({ runtimeEvaluationRule: { '==': [{ var: 'plan' }, 'pro'] }, legacyRuntimeRule: { plan: 'free' } })
    expect(evaluateFlag(flag, withProps({ plan: 'pro' })).source).toBe('local')
  })

  it('refuses the side-effecting log operator without printing anything', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
    const flag = createTestFlag({ runtimeEvaluationRule: { log: { var: 'email' } } })
    expect(evaluateFlag(flag, withProps({ email: 'a@example.com' })).source).toBe('fallback')
    expect(log).not.toHaveBeenCalled()
    log.mockRestore()
  })

  it('fails, without throwing, on cyclic or hostile custom properties', () => {
    const cyclic: Record<string, unknown> = { plan: 'pro' }
    cyclic['self'] = cyclic
    const flag = createTestFlag({ runtimeEvaluationRule: { '==': [{ var: 'plan' }, 'pro'] } })
    expect(evaluateFlag(flag, withProps(cyclic)).source).toBe('fallback')
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error('boom') } })
    expect(evaluateFlag(flag, withProps(hostile)).source).toBe('fallback')
  })

  it('does not let a property named __proto__ reach the prototype', () => {
    const flag = createTestFlag({ runtimeEvaluationRule: { '==': [{ var: '__proto__' }, 'x'] } })
    expect(evaluateFlag(flag, withProps(JSON.parse('{"__proto__": "x"}'))).source).toBe('local')
  })
})

describe('evaluateFlag: hashing, salts and ordering', () => {
  const ids = Array.from({ length: 200 }, (_, i) => `user-${i}`)

  it('salts rollout i with key + hash_salt + i, and the variant with key + hash_salt + "variant"', () => {
    const flag = createTestFlag({
      hashSalt: 'abc',
      rollouts: [{ rollout_percentage: 0 }, { rollout_percentage: 0.5 }],
      variants: [
        { key: 'a', value: 'a', split: 0.5 },
        { key: 'b', value: 'b', split: 0.5 },
      ],
    })
    for (const id of ids) {
      const result = evaluateFlag(flag, { distinct_id: id })
      const inRollout = normalizedHash(id, 'test_flagabc1') < 0.5
      expect(result.source).toBe(inRollout ? 'local' : 'fallback')
      if (inRollout) expect(result.variantKey).toBe(normalizedHash(id, 'test_flagabcvariant') < 0.5 ? 'a' : 'b')
    }
  })

  it('salts with key + "rollout" when there is no hash_salt', () => {
    const flag = createTestFlag({ rolloutPercentage: 0.5 })
    for (const id of ids) {
      expect(evaluateFlag(flag, { distinct_id: id }).source).toBe(normalizedHash(id, 'test_flagrollout') < 0.5 ? 'local' : 'fallback')
    }
  })

  it('hashes Python str() of non-string context values (42 → "42", true → "True")', () => {
    const flag = createTestFlag({ context: 'company_id', rolloutPercentage: 0.5 })
    expect(evaluateFlag(flag, { company_id: 42 }).source).toBe(normalizedHash('42', 'test_flagrollout') < 0.5 ? 'local' : 'fallback')
    const variants = [
      { key: 'a', value: 'a', split: 0.5 },
      { key: 'b', value: 'b', split: 0.5 },
    ]
    const expected = normalizedHash('True', 'test_flagvariant') < 0.5 ? 'a' : 'b'
    expect(evaluateFlag(createTestFlag({ context: 'beta', variants }), { beta: true }).variantKey).toBe(expected)
  })

  it('sorts variants by key before walking the splits', () => {
    const variants = [
      { key: 'b', value: 'b', split: 1 },
      { key: 'a', value: 'a', split: 1 },
    ]
    expect(evaluateFlag(createTestFlag({ variants }), USER).variantKey).toBe('a')
  })

  it('picks the last variant when no cumulative split exceeds the hash', () => {
    const variants = [
      { key: 'a', value: 'a', split: 0 },
      { key: 'z', value: 'z', split: 0 },
    ]
    expect(evaluateFlag(createTestFlag({ variants }), USER).variantKey).toBe('z')
  })

  it('is deterministic: a user always gets the same variant', () => {
    const flag = createTestFlag({ variants: [{ key: 'a', value: 1, split: 0.5 }, { key: 'b', value: 2, split: 0.5 }] })
    for (const id of ids) expect(evaluateFlag(flag, { distinct_id: id })).toEqual(evaluateFlag(flag, { distinct_id: id }))
  })
})

describe('evaluateFlag: distribution over 10 000 ids', () => {
  const ids = Array.from({ length: 10_000 }, (_, i) => `user_${i}`)

  it('rolls out to 30 % ± 2 % of users with rollout_percentage 0.3', () => {
    const flag = createTestFlag({ rolloutPercentage: 0.3, hashSalt: 's1' })
    const inRollout = ids.filter((id) => evaluateFlag(flag, { distinct_id: id }).source === 'local').length
    expect(Math.abs(inRollout / ids.length - 0.3)).toBeLessThanOrEqual(0.02)
  })

  it('splits 30/70 ± 2 % between two variants', () => {
    const variants = [
      { key: 'control', value: false, split: 0.3 },
      { key: 'treatment', value: true, split: 0.7 },
    ]
    const flag = createTestFlag({ variants, rolloutPercentage: 1, hashSalt: 's2' })
    const control = ids.filter((id) => evaluateFlag(flag, { distinct_id: id }).variantKey === 'control').length
    expect(Math.abs(control / ids.length - 0.3)).toBeLessThanOrEqual(0.02)
  })
})

describe('evaluateFlag: bad input is a fallback, never a throw', () => {
  it.each([null, undefined, 42, 'flag', [], { key: 'x' }, { key: 'x', context: 'distinct_id', ruleset: { variants: 'no', rollout: [] } }])(
    'answers FLAG_NOT_FOUND with the reason for the malformed definition %j',
    (definition) => {
      const result = evaluateFlag(definition, USER)
      expect(result.source).toBe('fallback')
      expect(result.fallbackReason?.kind).toBe('FLAG_NOT_FOUND')
      expect(result.fallbackReason?.message).toMatch(/^Invalid definition/)
    },
  )

  it('names the bad field', () => {
    const flag = createTestFlag({ rollouts: [{ rollout_percentage: 'half' }] })
    expect(evaluateFlag(flag, USER).fallbackReason?.message).toBe('Invalid definition.ruleset.rollout[0].rollout_percentage: must be a number')
  })

  it('survives hostile definitions and contexts', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('boom') }, ownKeys: () => { throw new Error('boom') } })
    expect(evaluateFlag(hostile, USER).fallbackReason?.kind).toBe('FLAG_NOT_FOUND')
    expect(evaluateFlag(createTestFlag(), hostile as never).fallbackReason?.kind).toBe('MISSING_CONTEXT_KEY')
    expect(evaluateFlag(createTestFlag(), null as never).fallbackReason?.kind).toBe('MISSING_CONTEXT_KEY')
  })

  it('reads only own context fields (a flag keyed on "constructor" finds nothing)', () => {
    expect(evaluateFlag(createTestFlag({ context: 'constructor' }), {}).fallbackReason?.kind).toBe('MISSING_CONTEXT_KEY')
  })

  it('answers NO_ROLLOUT_MATCH for a flag without variants', () => {
    expect(evaluateFlag(createTestFlag({ variants: [] }), USER).fallbackReason?.kind).toBe('NO_ROLLOUT_MATCH')
  })
})
