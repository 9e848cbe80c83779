import jsonLogic, { type RulesLogic } from 'json-logic-js'
import { casefold } from './casefold.ts'
import { pythonTruthy } from './pythonTruthy.ts'
import { readContext } from './readContext.ts'
import type { FlagRollout } from './types.ts'

// Custom properties deeper than this are refused (the rule fails) rather than overflow the stack.
const MAX_DEPTH = 32

// Defines rather than assigns, so a key named `__proto__` stays a plain property.
const define = (target: Record<string, unknown>, key: string, value: unknown): void => {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

const isPlainObject = (x: unknown): x is Record<string, unknown> => {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false
  const proto: unknown = Object.getPrototypeOf(x)
  return proto === Object.prototype || proto === null
}

/** mixpanel-python's `lowercase_keys_and_values`: strings, and the keys of objects, case-folded. */
const foldKeysAndValues = (value: unknown, depth: number): unknown => {
  if (depth > MAX_DEPTH) throw new RangeError('custom_properties nested too deeply')
  if (typeof value === 'string') return casefold(value)
  if (Array.isArray(value)) return value.map((item) => foldKeysAndValues(item, depth + 1))
  if (!isPlainObject(value)) return value
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>
  for (const key of Object.keys(value)) define(out, casefold(key), foldKeysAndValues(value[key], depth + 1))
  return out
}

/** mixpanel-python's `lowercase_only_leaf_nodes`: only string leaves (which include `var` names). */
const foldLeaves = (value: unknown): unknown => {
  if (typeof value === 'string') return casefold(value)
  if (Array.isArray(value)) return value.map(foldLeaves)
  if (!isPlainObject(value)) return value
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>
  for (const key of Object.keys(value)) define(out, key, foldLeaves(value[key]))
  return out
}

// `log` writes the caller's properties to the console; no other json-logic-js operator has side effects.
const usesLog = (rule: unknown): boolean =>
  Array.isArray(rule) ? rule.some(usesLog) : isPlainObject(rule) && Object.keys(rule).some((key) => key === 'log' || usesLog(rule[key]))

/** The case-folded `custom_properties`, or `undefined` when missing, empty or not an object (the rule then fails). */
const runtimeParameters = (context: unknown): Record<string, unknown> | undefined => {
  const custom = readContext(context, 'custom_properties')
  if (!pythonTruthy(custom) || !isPlainObject(custom)) return undefined
  return foldKeysAndValues(custom, 0) as Record<string, unknown>
}

const jsonLogicSatisfied = (rule: Readonly<Record<string, unknown>>, context: unknown): boolean => {
  const parameters = runtimeParameters(context)
  if (parameters === undefined || usesLog(rule)) return false
  return pythonTruthy(jsonLogic.apply(foldLeaves(rule) as RulesLogic, parameters))
}

// The deprecated exact-match form. Like mixpanel-python, definition keys are NOT folded, so a key
// with upper-case letters never matches. Unlike it (where `.casefold()` on a number raises out of
// `get_variant`), a non-string value on either side is simply no match.
const legacySatisfied = (definition: Readonly<Record<string, unknown>>, context: unknown): boolean => {
  const parameters = runtimeParameters(context)
  if (parameters === undefined) return false
  return Object.keys(definition).every((key) => {
    const expected = definition[key]
    const actual = Object.hasOwn(parameters, key) ? parameters[key] : undefined
    return typeof actual === 'string' && typeof expected === 'string' && actual === casefold(expected)
  })
}

/**
 * Whether a rollout's runtime conditions hold for a context: its JSON-logic rule if it has one
 * (evaluated by json-logic-js over the case-folded `custom_properties`, rule string leaves
 * case-folded too), else its legacy exact-match definition, else yes. Any failure inside a rule
 * (bad operator, odd data, hostile getters) means "not satisfied", never a throw.
 * @internal
 * @example
 * runtimeRuleSatisfied({ rollout_percentage: 1, runtime_evaluation_rule: { '==': [{ var: 'plan' }, 'Premium'] } },
 *   { distinct_id: 'u1', custom_properties: { plan: 'PREMIUM' } }) // true
 */
export const runtimeRuleSatisfied = (rollout: FlagRollout, context: unknown): boolean => {
  try {
    if (rollout.runtime_evaluation_rule !== undefined) return jsonLogicSatisfied(rollout.runtime_evaluation_rule, context)
    if (rollout.runtime_evaluation_definition !== undefined) return legacySatisfied(rollout.runtime_evaluation_definition, context)
    return true
  } catch {
    return false
  }
}
