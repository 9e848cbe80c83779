/**
 * Reads a `Retry-After` header into milliseconds to wait: either a number of seconds or an HTTP
 * date (measured against `now`, ms since the epoch). A date in the past means 0. Anything else,
 * or no header, is `undefined`.
 * @example
 * parseRetryAfter('2', Date.now()) // 2000
 * parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('2015-10-21T07:27:00Z')) // 60000
 */
export const parseRetryAfter = (header: string | null | undefined, now: number): number | undefined => {
  if (typeof header !== 'string') return undefined
  const text = header.trim()
  if (text === '') return undefined
  if (/^\d+(\.\d+)?$/.test(text)) {
    const ms = Math.ceil(Number(text) * 1000)
    return Number.isFinite(ms) ? ms : undefined
  }
  // Only something that looks like an HTTP date: Date.parse accepts too much (e.g. "1").
  if (!/[a-z]/i.test(text)) return undefined
  const at = Date.parse(text)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}
