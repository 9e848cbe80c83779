import { causeText } from './causeText.ts'
import { validationError, type ValidationError } from './errors.ts'

/**
 * The `ValidationError` for input that threw while being read (a throwing getter or Proxy trap, a
 * revoked Proxy): it names the field and quotes what was thrown, so the caller can find the culprit.
 * @example
 * unreadable('meta', new Error('boom')).message // 'Invalid meta: could not be read (boom)'
 */
export const unreadable = (path: string, cause: unknown): ValidationError => validationError(path, `could not be read (${causeText(cause)})`)
