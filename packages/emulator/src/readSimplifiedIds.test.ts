import { describe, expect, it } from 'vitest'
import { readSimplifiedIds } from './readSimplifiedIds.ts'

describe('readSimplifiedIds', () => {
  it('derives distinct_id: $user_id, else $device: + $device_id, else distinct_id as sent', () => {
    expect(readSimplifiedIds({ $device_id: 'd', $user_id: 'u', distinct_id: 'x' })).toEqual({ distinctId: 'u', device: '$device:d', user: 'u' })
    expect(readSimplifiedIds({ $device_id: 'd', distinct_id: 'x' })).toEqual({ distinctId: '$device:d', device: '$device:d', user: undefined })
    expect(readSimplifiedIds({ distinct_id: 42 })).toEqual({ distinctId: 42, device: undefined, user: undefined })
    expect(readSimplifiedIds({})).toEqual({ distinctId: undefined, device: undefined, user: undefined })
  })

  it('keeps a single $device: prefix, and ignores ids that are not ids', () => {
    expect(readSimplifiedIds({ $device_id: '$device:X' }).device).toBe('$device:X')
    expect(readSimplifiedIds({ $device_id: '$device:', $user_id: '', distinct_id: 'u' })).toEqual({ distinctId: 'u', device: undefined, user: undefined })
    expect(readSimplifiedIds({ $device_id: 7, $user_id: null }).device).toBe('$device:7')
  })
})
