import { either as E } from 'fp-ts'
import { utf8Length, validationError, type JsonObject, type ValidationError } from '@mp/core'

/** Mixpanel refuses an event of 1 MB of JSON or more. */
export const MAX_EVENT_BYTES = 1024 * 1024

/**
 * Measures a record as the JSON that goes on the wire and refuses it at 1 MB or more, Mixpanel's
 * per-event limit. Answers the size in bytes, which `importEvents` uses to fill chunks.
 * @example
 * validateRecordSize({ event: 'a', properties: {} }, 'properties') // Right(30)
 */
export const validateRecordSize = (record: JsonObject, path: string): E.Either<ValidationError, number> => {
  const bytes = utf8Length(JSON.stringify(record))
  return bytes < MAX_EVENT_BYTES
    ? E.right(bytes)
    : E.left(validationError(path, `the event is ${(bytes / 1024 / 1024).toFixed(2)} MB of JSON; Mixpanel accepts events under 1 MB`))
}
