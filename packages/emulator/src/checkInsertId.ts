import { isPlaceholderId } from './isPlaceholderId.ts'
import type { RecordFailure } from './checkEventLimits.ts'

const failure = (message: string): RecordFailure => ({ field: '$insert_id', message: `'$insert_id' is invalid: ${message}` })

/**
 * Mixpanel's `$insert_id` rules: at most 36 bytes of ASCII letters, digits and `-`, and not a
 * placeholder value. `undefined` means valid.
 * @example
 * checkInsertId('abc-123') // undefined
 * checkInsertId('a_b')?.message // "'$insert_id' is invalid: must only contain alphanumeric or hyphen '-' characters"
 */
export const checkInsertId = (insertId: unknown): RecordFailure | undefined => {
  if (insertId === undefined || insertId === null || insertId === '') return failure('must be specified')
  if (typeof insertId !== 'string') return failure('must be a string')
  if (!/^[A-Za-z0-9-]*$/.test(insertId)) return failure("must only contain alphanumeric or hyphen '-' characters")
  if (insertId.length > 36) return failure('must not be longer than 36 bytes')
  if (isPlaceholderId(insertId)) return failure(`'${insertId}' is a placeholder value and is not allowed`)
  return undefined
}
