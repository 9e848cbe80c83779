/**
 * How `mp` prints counts, sizes and durations: `12,345`, `61.2 MB`, `1m 05s`.
 * @example
 * formatNumbers.count(12345) // '12,345'
 * formatNumbers.bytes(61_234_567) // '61.2 MB'
 * formatNumbers.duration(65_000) // '1m 05s'
 */
export const formatNumbers = {
  count: (n: number): string => Math.round(n).toLocaleString('en-US'),
  bytes: (n: number): string => {
    const [value, unit] = n >= 1e9 ? [n / 1e9, 'GB'] : n >= 1e6 ? [n / 1e6, 'MB'] : n >= 1e3 ? [n / 1e3, 'kB'] : [n, 'B']
    return `${unit === 'B' ? value : value.toFixed(1)} ${unit}`
  },
  duration: (ms: number): string => {
    const s = ms / 1000
    if (s < 60) return `${s.toFixed(1)} s`
    const m = Math.floor(s / 60)
    return m < 60 ? `${m}m ${String(Math.round(s % 60)).padStart(2, '0')}s` : `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`
  },
} as const
