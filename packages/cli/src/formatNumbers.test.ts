import { describe, expect, it } from 'vitest'
import { formatNumbers } from './formatNumbers.ts'

describe('formatNumbers', () => {
  it('prints counts with separators, sizes in decimal units and durations by scale', () => {
    expect(formatNumbers.count(1234567.4)).toBe('1,234,567')
    expect([12, 1_234, 61_234_567, 5_300_000_000].map(formatNumbers.bytes)).toEqual(['12 B', '1.2 kB', '61.2 MB', '5.3 GB'])
    expect([8_420, 65_000, 3_725_000].map(formatNumbers.duration)).toEqual(['8.4 s', '1m 05s', '1h 02m'])
  })
})
