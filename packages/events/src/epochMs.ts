// Mixpanel reads a `time` above 10^10 as milliseconds (10^10 seconds is the year 2286).
const MS_THRESHOLD = 10_000_000_000

/**
 * Milliseconds since the epoch for a Mixpanel `time`, read as seconds unless it is above 10^10,
 * which Mixpanel (and mixpanel-import) take to be milliseconds.
 * @example
 * epochMs(1000.1)        // 1000100
 * epochMs(1700000000000) // 1700000000000
 */
export const epochMs = (time: number): number => (Math.abs(time) > MS_THRESHOLD ? time : time * 1000)
