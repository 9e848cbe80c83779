import { either as E } from 'fp-ts'
import { validationError, type ValidationError } from './errors.ts'
import { MAX_RECORD_BYTES } from './batchLimits.ts'
import type { JsonObject } from './types.ts'
import { utf8Length } from './utf8Length.ts'

/**
 * The JSON text of one record of a request and its UTF-8 size, or the `ValidationError` (at
 * `request.records[index]`) when it is not JSON or larger than Mixpanel's 1 MB per record.
 * The queue measures records with it, the outbox stores its text. Throws only what
 * `JSON.stringify` throws on hostile input (cycles, BigInt, a throwing `toJSON`); callers catch.
 * @example
 * recordJson({ event: 'signup', properties: {} }, 0) // Right({ json: '{"event":"signup","properties":{}}', bytes: 34 })
 */
export const recordJson = (record: JsonObject, index: number): E.Either<ValidationError, { readonly json: string; readonly bytes: number }> => {
  const json: unknown = JSON.stringify(record)
  const path = `request.records[${index}]`
  if (typeof json !== 'string') return E.left(validationError(path, 'is not JSON'))
  const bytes = utf8Length(json)
  if (bytes > MAX_RECORD_BYTES) return E.left(validationError(path, `is ${bytes} bytes of JSON; Mixpanel accepts at most ${MAX_RECORD_BYTES} bytes per record`))
  return E.right({ json, bytes })
}
