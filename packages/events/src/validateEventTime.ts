import { either as E } from 'fp-ts'
import { validationError, type ValidationError } from '@mp/core'

/**
 * Checks that a Mixpanel `time` is a finite number (seconds since the epoch, or milliseconds
 * above 10^10, as Mixpanel reads it).
 * @example
 * validateEventTime('yesterday', 'properties.time') // Left(… must be a number of seconds since the epoch …)
 */
export const validateEventTime = (time: unknown, path: string): E.Either<ValidationError, number> =>
  typeof time === 'number' && Number.isFinite(time)
    ? E.right(time)
    : E.left(
        validationError(
          path,
          `must be a number of seconds since the epoch (when the event happened), got ${typeof time === 'string' ? JSON.stringify(time) : time === null ? 'null' : typeof time === 'number' ? String(time) : typeof time}`,
        ),
      )
