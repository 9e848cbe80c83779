import { either as E } from 'fp-ts'
import { validationError, type ValidationError } from '@mp/core'
import { epochMs } from './epochMs.ts'
import { validateEventTime } from './validateEventTime.ts'

const FIVE_DAYS_MS = 5 * 24 * 3_600_000

/**
 * Checks a `/track` event time: no more than 5 days before `nowMs`. Mixpanel silently drops older
 * events while answering success, so they are refused here with a pointer to `importData`.
 * @example
 * validateTrackTime(1000.1, 1_000_100, 'properties.time') // Right(1000.1)
 */
export const validateTrackTime = (time: unknown, nowMs: number, path: string): E.Either<ValidationError, number> => {
  const checked = validateEventTime(time, path)
  if (E.isLeft(checked)) return checked
  const t = checked.right
  return epochMs(t) < nowMs - FIVE_DAYS_MS
    ? E.left(
        validationError(
          path,
          `${t} (${new Date(epochMs(t)).toISOString().slice(0, 19)} UTC) is more than 5 days old; Mixpanel's /track silently drops such events, so send historical events with importData (or importEvents) instead`,
        ),
      )
    : E.right(t)
}
