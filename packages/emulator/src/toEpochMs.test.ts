import { describe, expect, it } from 'vitest'
import { toEpochMs } from './toEpochMs.ts'

describe('toEpochMs', () => {
  it('reads seconds (also fractional) and milliseconds', () => {
    expect(toEpochMs(1_700_000_000)).toBe(1_700_000_000_000)
    expect(toEpochMs(1_700_000_000.5)).toBe(1_700_000_000_500)
    expect(toEpochMs(1_700_000_000_123)).toBe(1_700_000_000_123)
  })
  it('answers undefined for anything but a finite number', () => {
    expect([toEpochMs('1700000000'), toEpochMs(Number.NaN), toEpochMs(undefined)]).toEqual([undefined, undefined, undefined])
  })
})
