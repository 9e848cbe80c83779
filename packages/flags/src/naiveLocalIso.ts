const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/**
 * Python's `datetime.now().isoformat()` for a millisecond clock: local time without an offset,
 * microseconds only when non-zero. mixpanel-python stamps remote exposures this way.
 * @internal
 * @example
 * naiveLocalIso(Date.UTC(2025, 0, 2, 3, 4, 5, 120)) // '2025-01-02T03:04:05.120000' when local time is UTC
 */
export const naiveLocalIso = (ms: number): string => {
  const d = new Date(ms)
  const base = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
  const millis = d.getMilliseconds()
  return millis === 0 ? base : `${base}.${pad(millis, 3)}000`
}
