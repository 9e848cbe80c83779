// Mixpanel does not document how it tells seconds from milliseconds; mixpanel-import treats
// absolute values above 9 999 999 999 as milliseconds, which puts the switch in the year 2286.
const MS_THRESHOLD = 9_999_999_999

/**
 * An event `time` (seconds or milliseconds since epoch, possibly fractional) as milliseconds, or
 * `undefined` when it is not a finite number.
 * @example
 * toEpochMs(1700000000) // 1700000000000
 * toEpochMs(1700000000123) // 1700000000123
 */
export const toEpochMs = (time: unknown): number | undefined => {
  if (typeof time !== 'number' || !Number.isFinite(time)) return undefined
  return Math.abs(time) > MS_THRESHOLD ? time : time * 1000
}
