import { either as E } from 'fp-ts'
import { toJsonObject, type ValidationError } from '@mp/core'
import type { FlagContext } from '@mp/flags'
import type { EvaluationContext } from '@openfeature/server-sdk'

/**
 * Turns an OpenFeature evaluation context into a Mixpanel flag context. The context is flat in
 * OpenFeature already, so every attribute passes through as it is, converted as every Mixpanel
 * payload is (`toJsonObject`: Dates become `YYYY-MM-DDTHH:MM:SS` UTC, so local rules and the
 * `/flags` API see the same value; NaN, ±Infinity, cycles are refused). `targetingKey` becomes
 * `distinct_id` unless the context has a `distinct_id` of its own, which wins; `targetingKey` itself
 * is not passed on. (mixpanel-python's provider passes `targetingKey` under its own name and so
 * answers "missing distinct_id" to the standard OpenFeature call.) The input is never mutated: the SDK
 * freezes it.
 * @internal
 * @example
 * toFlagContext({ targetingKey: 'user_1', plan: 'pro' }) // Right({ plan: 'pro', distinct_id: 'user_1' })
 * toFlagContext({ targetingKey: 'user_1', distinct_id: 'd' }) // Right({ distinct_id: 'd' })
 */
export const toFlagContext = (context: EvaluationContext | undefined): E.Either<ValidationError, FlagContext> => {
  const json = toJsonObject(context, 'context')
  if (E.isLeft(json)) return json
  const { targetingKey, ...attributes } = json.right
  const useKey = attributes['distinct_id'] === undefined && typeof targetingKey === 'string' && targetingKey !== ''
  return E.right(useKey ? { ...attributes, distinct_id: targetingKey } : attributes)
}
