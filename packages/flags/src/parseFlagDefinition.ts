import { either as E, function as F } from 'fp-ts'
import * as v from 'valibot'
import { validate, validationError, type ValidationError } from '@mp/core'
import { shapeMessage } from './shapeMessage.ts'
import type { FlagDefinition, FlagRollout, FlagVariant } from './types.ts'

const text = v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty'))
const fraction = v.pipe(v.number('must be a number'), v.finite('must be a finite number'))
const jsonObject = v.record(v.string(), v.unknown(), 'must be an object')

const variantSchema = v.looseObject(
  {
    key: v.string('must be a string'),
    value: v.unknown(),
    is_control: v.nullish(v.boolean('must be true or false')),
    split: v.nullish(fraction),
  },
  shapeMessage('must be a variant object { key, value, split }'),
)

const rolloutSchema = v.looseObject(
  {
    rollout_percentage: fraction,
    runtime_evaluation_rule: v.nullish(jsonObject),
    runtime_evaluation_definition: v.nullish(jsonObject),
    variant_override: v.nullish(v.looseObject({ key: v.string('must be a string') }, shapeMessage('must be an object { key }'))),
    variant_splits: v.nullish(v.record(v.string(), fraction, 'must be an object of variant key → split')),
  },
  shapeMessage('must be a rollout object { rollout_percentage, … }'),
)

const definitionSchema = v.looseObject(
  {
    key: text,
    context: text,
    experiment_id: v.nullish(v.string('must be a string')),
    is_experiment_active: v.nullish(v.boolean('must be true or false')),
    hash_salt: v.nullish(v.string('must be a string')),
    ruleset: v.looseObject(
      {
        variants: v.array(variantSchema, 'must be an array of variants'),
        rollout: v.array(rolloutSchema, 'must be an array of rollouts'),
        test: v.nullish(
          v.looseObject({ users: v.nullish(v.record(v.string(), v.string('must be a variant key'), 'must be an object of distinct_id → variant key')) }),
        ),
      },
      shapeMessage('must be an object { variants, rollout }'),
    ),
  },
  shapeMessage('must be a flag definition object'),
)

type Parsed = v.InferOutput<typeof definitionSchema>

// Python compares str by code point; JS `<` compares UTF-16 units, which differs past U+FFFF.
const byCodePoint = (a: string, b: string): number => {
  const x = [...a]
  const y = [...b]
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0)
    if (d !== 0) return d
  }
  return x.length - y.length
}

const toVariant = (variant: Parsed['ruleset']['variants'][number]): FlagVariant => ({
  key: variant.key,
  value: variant.value,
  is_control: variant.is_control ?? false,
  split: variant.split ?? 0,
})

// Empty objects count as absent, as Python's truthiness checks in the reference make them.
const nonEmpty = <T extends object>(x: T | null | undefined): x is T => x !== null && x !== undefined && Object.keys(x).length > 0

const toRollout = (rollout: Parsed['ruleset']['rollout'][number]): FlagRollout => ({
  rollout_percentage: rollout.rollout_percentage,
  ...(nonEmpty(rollout.runtime_evaluation_rule) ? { runtime_evaluation_rule: rollout.runtime_evaluation_rule } : {}),
  ...(nonEmpty(rollout.runtime_evaluation_definition) ? { runtime_evaluation_definition: rollout.runtime_evaluation_definition } : {}),
  ...(rollout.variant_override ? { variant_override: { key: rollout.variant_override.key } } : {}),
  ...(nonEmpty(rollout.variant_splits) ? { variant_splits: rollout.variant_splits } : {}),
})

const toDefinition = (flag: Parsed): FlagDefinition => {
  const users = flag.ruleset.test?.users
  return {
    key: flag.key,
    context: flag.context,
    ...(typeof flag.experiment_id === 'string' ? { experiment_id: flag.experiment_id } : {}),
    ...(typeof flag.is_experiment_active === 'boolean' ? { is_experiment_active: flag.is_experiment_active } : {}),
    ...(typeof flag.hash_salt === 'string' ? { hash_salt: flag.hash_salt } : {}),
    ruleset: {
      variants: flag.ruleset.variants.map(toVariant).sort((a, b) => byCodePoint(a.key, b.key)),
      rollout: flag.ruleset.rollout.map(toRollout),
      ...(nonEmpty(users) ? { test: { users } } : {}),
    },
  }
}

/**
 * Checks one flag definition as `/flags/definitions` sends it and normalises it for evaluation:
 * variants sorted by key (as mixpanel-python does when it parses), missing splits as 0, empty
 * rules and overrides dropped. Fields evaluation does not use (`id`, `name`, `status`…) are not
 * checked. A malformed definition is a `ValidationError` naming the field, never a throw.
 * @example
 * parseFlagDefinition({ key: 'new_checkout', context: 'distinct_id',
 *   ruleset: { variants: [{ key: 'on', value: true, split: 1 }], rollout: [{ rollout_percentage: 1 }] } })
 * // Right({ key: 'new_checkout', context: 'distinct_id', ruleset: { … } })
 * parseFlagDefinition({ key: 'x' }) // Left(ValidationError at definition.context)
 */
export const parseFlagDefinition = (definition: unknown, root = 'definition'): E.Either<ValidationError, FlagDefinition> => {
  try {
    return F.pipe(definition, validate(definitionSchema, root), E.map(toDefinition))
  } catch (e) {
    // A throwing getter or Proxy trap in hand-made input: bad input, never a throw.
    return E.left(validationError(root, `could not be read (${e instanceof Error ? e.message : String(e)})`))
  }
}
