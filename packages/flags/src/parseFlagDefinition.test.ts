import { describe, expect, it } from 'vitest'
import { either as E } from 'fp-ts'
import { parseFlagDefinition } from './parseFlagDefinition.ts'
import { createTestFlag } from './test-flags.ts'

describe('parseFlagDefinition', () => {
  it('normalises the wire record: variants sorted by key (by code point), missing splits 0, nulls and empty rules dropped', () => {
    const parsed = parseFlagDefinition(
      createTestFlag({
        variants: [
          { key: 'b', value: 2, is_control: false },
          { key: '😀', value: 3, is_control: false, split: null },
          { key: 'ｚ', value: 4, is_control: false, split: 0.5 },
          { key: 'a', value: 1, is_control: true, split: 0.5 },
        ],
        legacyRuntimeRule: {},
        experimentId: 'exp-1',
      }),
    )
    expect(parsed).toEqual(
      E.right({
        key: 'test_flag',
        context: 'distinct_id',
        experiment_id: 'exp-1',
        ruleset: {
          variants: [
            { key: 'a', value: 1, is_control: true, split: 0.5 },
            { key: 'b', value: 2, is_control: false, split: 0 },
            { key: 'ｚ', value: 4, is_control: false, split: 0.5 },
            { key: '😀', value: 3, is_control: false, split: 0 },
          ],
          rollout: [{ rollout_percentage: 100 }],
        },
      }),
    )
  })

  it.each([
    [{ key: '', context: 'distinct_id', ruleset: { variants: [], rollout: [] } }, 'Invalid definition.key: must not be empty'],
    [{ key: 'k', ruleset: { variants: [], rollout: [] } }, 'Invalid definition.context: is missing'],
    [{ key: 'k', context: 'c', ruleset: { variants: [{ key: 1 }], rollout: [] } }, 'Invalid definition.ruleset.variants[0].key: must be a string'],
    [{ key: 'k', context: 'c', ruleset: { variants: [], rollout: [{ rollout_percentage: Infinity }] } }, 'Invalid definition.ruleset.rollout[0].rollout_percentage: must be a finite number'],
    [{ key: 'k', context: 'c', ruleset: { variants: [], rollout: [], test: { users: { u: 3 } } } }, 'Invalid definition.ruleset.test.users.u: must be a variant key'],
    ['flag', 'Invalid definition: must be a flag definition object'],
  ])('refuses %j with a message naming the field', (definition, message) => {
    expect(parseFlagDefinition(definition)).toMatchObject({ _tag: 'Left', left: { _tag: 'ValidationError', message } })
  })
})
