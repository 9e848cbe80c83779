import { either as E } from 'fp-ts'
import { validationError, type ValidationError } from '@mp/core'

/**
 * Checks an event name: a string with something in it besides spaces.
 * @example
 * validateEventName('', 'event') // Left(Invalid event: must be a non-empty string (the event's name), got "")
 */
export const validateEventName = (name: unknown, path: string): E.Either<ValidationError, string> =>
  typeof name === 'string' && name.trim() !== ''
    ? E.right(name)
    : E.left(
        validationError(
          path,
          `must be a non-empty string (the event's name), got ${typeof name === 'string' ? JSON.stringify(name) : name === null ? 'null' : typeof name}`,
        ),
      )
