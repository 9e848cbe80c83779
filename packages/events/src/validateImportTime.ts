import { either as E } from 'fp-ts'
import { validationError, type ValidationError } from '@mp/core'
import { epochMs } from './epochMs.ts'
import { validateEventTime } from './validateEventTime.ts'

const EARLIEST_MS = Date.UTC(1971, 0, 1)
const HOUR_MS = 3_600_000

const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 19)

/**
 * Checks an `/import` event time against Mixpanel's window: from 1971-01-01 to one hour after
 * `nowMs` (Mixpanel refuses both outside it).
 * @example
 * validateImportTime(1_700_000_000, Date.UTC(2024, 0, 1), 'timestamp') // Right(1700000000)
 * validateImportTime(0, Date.UTC(2024, 0, 1), 'timestamp')             // Left(… before 1971-01-01 …)
 */
export const validateImportTime = (time: unknown, nowMs: number, path: string): E.Either<ValidationError, number> => {
  const checked = validateEventTime(time, path)
  if (E.isLeft(checked)) return checked
  const t = checked.right
  const ms = epochMs(t)
  if (ms < EARLIEST_MS) {
    return E.left(validationError(path, `${t} (${iso(ms)} UTC) is before 1971-01-01, which Mixpanel's /import refuses`))
  }
  if (ms > nowMs + HOUR_MS) {
    return E.left(
      validationError(
        path,
        `${t} (${iso(ms)} UTC) is more than 1 hour in the future (now is ${iso(nowMs)} UTC), which Mixpanel's /import refuses; time is in seconds since the epoch`,
      ),
    )
  }
  return E.right(t)
}
