import { describeValue, distinctIdProblem, isPlaceholderId, validationError, type ValidationError } from '@mp/core'

/** The fields of an event that Mixpanel has a rule for (`time`: only that it is a number; see `validateEventTime`). */
export type EventField = 'event' | 'token' | 'distinct_id' | '$insert_id' | 'time'

const INSERT_ID = /^[A-Za-z0-9-]{1,36}$/

const isFilled = (value: unknown): boolean => typeof value === 'string' && value.trim() !== ''

// How a message shows the value it refuses: strings quoted, numbers as written, else the kind.
const quote = (value: unknown): string =>
  typeof value === 'string' ? JSON.stringify(value) : typeof value === 'number' ? String(value) : describeValue(value)

// Each field's rule as the reason a value breaks it, or undefined when it holds; the path given
// to `validateField` names the field in the message.
const PROBLEMS: { readonly [field in EventField]: (value: unknown) => string | undefined } = {
  event: (value) => (isFilled(value) ? undefined : `must be a non-empty string (the event's name), got ${quote(value)}`),
  token: (value) => (isFilled(value) ? undefined : 'must be your project token, a non-empty string'),
  // Placeholders such as "null" or "anonymous" would merge unrelated users.
  distinct_id: (value) => (typeof value === 'string' ? distinctIdProblem(value) : 'must be a string'),
  $insert_id: (value) => {
    if (typeof value !== 'string' || !INSERT_ID.test(value)) {
      return `must be 1 to 36 characters of A-Z, a-z, 0-9 and '-' (Mixpanel's rule for deduplication keys), got ${quote(value)}`
    }
    return isPlaceholderId(value) ? `${JSON.stringify(value)} is a placeholder value Mixpanel refuses as an insert id` : undefined
  },
  time: (value) =>
    typeof value === 'number' && Number.isFinite(value) ? undefined : `must be a number of seconds since the epoch (when the event happened), got ${quote(value)}`,
}

/**
 * Checks one field of an event against Mixpanel's rule for it: `event` (the name) and `token`
 * non-empty strings; `distinct_id` non-empty and not a placeholder such as `"null"`; `$insert_id`
 * 1 to 36 characters of `A-Z a-z 0-9 -` and not a placeholder; `time` a finite number. Answers
 * the `ValidationError` naming `path`, or `undefined` when the value holds (no Either to allocate:
 * this runs several times for every event).
 * @example
 * validateField('event', 'signup', 'event')                   // undefined
 * validateField('distinct_id', 'null', 'distinctId')           // ValidationError: Invalid distinctId: "null" is a placeholder …
 * validateField('$insert_id', 'a_b', 'properties.$insert_id') // ValidationError: … 1 to 36 characters of A-Z, a-z, 0-9 and '-' …
 */
export const validateField = (field: EventField, value: unknown, path: string): ValidationError | undefined => {
  const problem = PROBLEMS[field](value)
  return problem === undefined ? undefined : validationError(path, problem)
}
