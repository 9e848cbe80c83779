import { either as E } from 'fp-ts'
import { validationError, type ValidationError } from '@mp/core'
import { validateField } from './validateField.ts'

const HOUR_MS = 3_600_000
// Mixpanel reads a `time` above 10^10 as milliseconds (10^10 seconds is the year 2286).
const MS_THRESHOLD = 10_000_000_000
// 1971-01-01T00:00:00Z, the earliest time Mixpanel's /import takes.
const EARLIEST_MS = 31_536_000_000

const iso = (ms: number): string => `${new Date(ms).toISOString().slice(0, 19)} UTC`

// Why a time (in ms) lies outside the endpoint's window, or undefined when it is inside.
const outside = (ms: number, nowMs: number, endpoint: '/track' | '/import'): string | undefined => {
  if (endpoint === '/track') {
    // Mixpanel answers success and then drops such events, so refusing them is the only warning.
    return ms < nowMs - 5 * 24 * HOUR_MS
      ? "is more than 5 days old; Mixpanel's /track silently drops such events, so send historical events with importData (or importEvents) instead"
      : undefined
  }
  if (ms < EARLIEST_MS) return "is before 1971-01-01, which Mixpanel's /import refuses"
  return ms > nowMs + HOUR_MS
    ? `is more than 1 hour in the future (now is ${iso(nowMs)}), which Mixpanel's /import refuses; time is in seconds since the epoch`
    : undefined
}

/**
 * Checks a Mixpanel `time` (seconds since the epoch, or milliseconds above 10^10, as Mixpanel reads
 * it) against `endpoint`'s window: `/track` takes events at most 5 days old (future ones are
 * clamped by Mixpanel), `/import` takes 1971-01-01 to an hour after `nowMs`.
 * @example
 * validateEventTime(1_700_000_000, Date.UTC(2024, 0, 1), '/import', 'timestamp') // Right(1700000000)
 * validateEventTime(0, Date.UTC(2024, 0, 1), '/import', 'timestamp')             // Left(… before 1971-01-01 …)
 * validateEventTime('yesterday', Date.now(), '/track', 'properties.time')       // Left(… must be a number of seconds since the epoch …)
 */
export const validateEventTime = (time: unknown, nowMs: number, endpoint: '/track' | '/import', path: string): E.Either<ValidationError, number> => {
  const refused = validateField('time', time, path)
  if (refused !== undefined) return E.left(refused)
  const seconds = time as number
  const ms = Math.abs(seconds) > MS_THRESHOLD ? seconds : seconds * 1000
  const problem = outside(ms, nowMs, endpoint)
  return problem === undefined ? E.right(seconds) : E.left(validationError(path, `${seconds} (${iso(ms)}) ${problem}`))
}
