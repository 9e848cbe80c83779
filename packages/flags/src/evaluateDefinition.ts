import { casefold } from './casefold.ts'
import { fallbackVariant } from './fallbackVariant.ts'
import { normalizedHash } from './normalizedHash.ts'
import { pythonTruthy } from './pythonTruthy.ts'
import { readContext } from './readContext.ts'
import { runtimeRuleSatisfied } from './runtimeRuleSatisfied.ts'
import type { FlagDefinition, FlagRollout, FlagVariant, SelectedVariant } from './types.ts'

/** Python's `str()` of a context value, the text that is hashed; `undefined` for values we do not hash. */
const hashKey = (value: unknown): string | undefined => {
  switch (typeof value) {
    case 'string':
      return value
    case 'number':
    case 'bigint':
      return String(value)
    case 'boolean':
      return value ? 'True' : 'False'
    default:
      return undefined
  }
}

const selected = (flag: FlagDefinition, variant: FlagVariant, isQaTester: boolean): SelectedVariant => ({
  variantKey: variant.key,
  variantValue: variant.value,
  ...(flag.experiment_id === undefined ? {} : { experimentId: flag.experiment_id }),
  ...(flag.is_experiment_active === undefined ? {} : { isExperimentActive: flag.is_experiment_active }),
  ...(isQaTester ? { isQaTester: true } : {}),
  source: 'local',
})

/** A variant named by a test user or an override, compared case-insensitively; the match is a QA pick. */
const matchingVariant = (flag: FlagDefinition, key: string): SelectedVariant | undefined => {
  const wanted = casefold(key)
  const variant = flag.ruleset.variants.find((candidate) => casefold(candidate.key) === wanted)
  return variant === undefined ? undefined : selected(flag, variant, true)
}

const testUserVariant = (flag: FlagDefinition, context: unknown): SelectedVariant | undefined => {
  const users = flag.ruleset.test?.users
  const distinctId = readContext(context, 'distinct_id')
  if (users === undefined || typeof distinctId !== 'string' || distinctId === '' || !Object.hasOwn(users, distinctId)) return undefined
  const key = users[distinctId]
  return key === undefined || key === '' ? undefined : matchingVariant(flag, key)
}

const assignedRollout = (flag: FlagDefinition, key: string, context: unknown): FlagRollout | undefined =>
  flag.ruleset.rollout.find((rollout, index) => {
    const salt = flag.hash_salt === undefined ? `${flag.key}rollout` : `${flag.key}${flag.hash_salt}${index}`
    return normalizedHash(key, salt) < rollout.rollout_percentage && runtimeRuleSatisfied(rollout, context)
  })

const assignedVariant = (flag: FlagDefinition, key: string, rollout: FlagRollout): SelectedVariant | undefined => {
  if (rollout.variant_override !== undefined) {
    // mixpanel-python marks an override as a QA-tester pick too; kept for parity.
    const override = matchingVariant(flag, rollout.variant_override.key)
    if (override !== undefined) return override
  }
  const hash = normalizedHash(key, `${flag.key}${flag.hash_salt ?? ''}variant`)
  const splits = rollout.variant_splits
  let cumulative = 0
  let chosen: FlagVariant | undefined
  for (const variant of flag.ruleset.variants) {
    chosen = variant
    cumulative += splits !== undefined && Object.hasOwn(splits, variant.key) ? (splits[variant.key] ?? 0) : variant.split
    if (hash < cumulative) break
  }
  return chosen === undefined ? undefined : selected(flag, chosen, false)
}

/**
 * Evaluates an already-checked flag definition (see `parseFlagDefinition`) for a context, in
 * mixpanel-python's order: context key, test users, rollouts (hash and runtime rule), then the
 * variant override or the split. Answers a fallback-shaped `SelectedVariant` (key and value
 * `null`) with the reason when no variant applies.
 * @internal
 * @example
 * evaluateDefinition(flag, { distinct_id: 'user123' }) // { variantKey: 'control', …, source: 'local' }
 */
export const evaluateDefinition = (flag: FlagDefinition, context: unknown): SelectedVariant => {
  const value = readContext(context, flag.context)
  const key = pythonTruthy(value) ? hashKey(value) : undefined
  if (key === undefined) return fallbackVariant(undefined, 'MISSING_CONTEXT_KEY', flag.context)
  const qa = testUserVariant(flag, context)
  if (qa !== undefined) return qa
  const rollout = assignedRollout(flag, key, context)
  const variant = rollout === undefined ? undefined : assignedVariant(flag, key, rollout)
  return (
    variant ??
    fallbackVariant(
      undefined,
      'NO_ROLLOUT_MATCH',
      rollout === undefined
        ? `no rollout of flag ${JSON.stringify(flag.key)} matches this ${flag.context}`
        : `flag ${JSON.stringify(flag.key)} has no variants`,
    )
  )
}
