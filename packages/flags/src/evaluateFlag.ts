import { either as E } from 'fp-ts'
import { evaluateDefinition } from './evaluateDefinition.ts'
import { fallbackVariant } from './fallbackVariant.ts'
import { parseFlagDefinition } from './parseFlagDefinition.ts'
import type { FlagContext, SelectedVariant } from './types.ts'

/**
 * Evaluates one flag definition (as `/flags/definitions` sends it) for one context, exactly as
 * mixpanel-python's local provider does:
 * 1. the flag's context key (`distinct_id`, `device_id`…) must be truthy (`0` and `""` are missing);
 * 2. a test user (`ruleset.test.users[distinct_id]`) gets the named variant, matched
 *    case-insensitively, with `isQaTester: true`; an unknown name falls through;
 * 3. rollouts are tried in order: `normalizedHash(value, key + hash_salt + index)` (or
 *    `key + "rollout"` without a salt) must be below `rollout_percentage` and the runtime rule
 *    (JSON-logic, case-folded; else the legacy exact match) must hold;
 * 4. the rollout's `variant_override`, else the variant whose cumulative split (with the rollout's
 *    `variant_splits`) first exceeds `normalizedHash(value, key + (hash_salt ?? '') + "variant")`,
 *    variants sorted by key; the last variant if none does.
 *
 * Pure, and never throws. When no variant applies it answers `source: 'fallback'`, key and value
 * `null`, and a `fallbackReason` (`MISSING_CONTEXT_KEY` with the key name, `NO_ROLLOUT_MATCH`, or
 * `FLAG_NOT_FOUND` with the reason when the definition itself is malformed).
 * @example
 * evaluateFlag(
 *   { key: 'new_checkout', context: 'distinct_id',
 *     ruleset: { variants: [{ key: 'on', value: true, split: 1 }], rollout: [{ rollout_percentage: 1 }] } },
 *   { distinct_id: 'user123' },
 * ) // { variantKey: 'on', variantValue: true, source: 'local' }
 */
export const evaluateFlag = (definition: unknown, context: FlagContext): SelectedVariant => {
  const flag = parseFlagDefinition(definition)
  return E.isLeft(flag) ? fallbackVariant(undefined, 'FLAG_NOT_FOUND', flag.left.message) : evaluateDefinition(flag.right, context)
}
