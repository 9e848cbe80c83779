import { either as E } from 'fp-ts'
import { toJsonObject, validationError, type ValidationError } from '@mp/core'
import type { EvaluationContext, TrackingEventDetails } from '@openfeature/server-sdk'
import { toFlagContext } from './toFlagContext.ts'
import type { TrackedEvent } from './types.ts'

/**
 * The Mixpanel event for one call of OpenFeature's tracking API: the user from the context
 * (`distinct_id`, else `targetingKey`, as for evaluations), the details (`value` and the rest) as
 * properties, converted as every payload is. A context without a user, or details that are not
 * JSON, are a `ValidationError`: nothing would reach a person's timeline.
 * @internal
 * @example
 * trackedEvent('checkout', { targetingKey: 'user_1' }, { value: 99.5 })
 * // Right({ distinctId: 'user_1', event: 'checkout', properties: { value: 99.5 } })
 */
export const trackedEvent = (
  name: string,
  context: EvaluationContext | undefined,
  details: TrackingEventDetails | undefined,
): E.Either<ValidationError, TrackedEvent> => {
  const flagContext = toFlagContext(context)
  if (E.isLeft(flagContext)) return flagContext
  const distinctId = flagContext.right.distinct_id
  if (typeof distinctId !== 'string' || distinctId === '') {
    return E.left(validationError('context.targetingKey', 'must be a non-empty string (or give distinct_id): a tracked event belongs to a user'))
  }
  const properties = toJsonObject(details, 'details')
  return E.isLeft(properties) ? properties : E.right({ distinctId, event: name, properties: properties.right })
}
