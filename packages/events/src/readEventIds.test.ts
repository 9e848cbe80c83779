import { describe, expect, it } from 'vitest'
import { readEventIds } from './readEventIds.ts'
import { leftOf, rightOf } from './test-either.ts'

describe('readEventIds: what Mixpanel derives', () => {
  it.each([
    ['distinctId alone: unchanged, no reserved ids', ['u1', undefined, undefined], { distinctId: 'u1', ids: {} }],
    ["a $device:-prefixed distinctId alone (a device, backward compatible)", ['$device:d1', undefined, undefined], { distinctId: '$device:d1', ids: {} }],
    ['deviceId alone: $device: + deviceId', [undefined, 'd1', undefined], { distinctId: '$device:d1', ids: { $device_id: 'd1' } }],
    ['userId alone: userId', [undefined, undefined, 'u1'], { distinctId: 'u1', ids: { $user_id: 'u1' } }],
    ['deviceId and userId: userId', [undefined, 'd1', 'u1'], { distinctId: 'u1', ids: { $device_id: 'd1', $user_id: 'u1' } }],
    ['distinctId equal to userId', ['u1', 'd1', 'u1'], { distinctId: 'u1', ids: { $device_id: 'd1', $user_id: 'u1' } }],
    ['distinctId equal to $device: + deviceId', ['$device:d1', 'd1', undefined], { distinctId: '$device:d1', ids: { $device_id: 'd1' } }],
  ] as const)('%s', (_, [distinctId, deviceId, userId], expected) => {
    expect(rightOf(readEventIds(distinctId, deviceId, userId))).toStrictEqual(expected)
  })
})

describe('readEventIds: refused, naming the field', () => {
  it.each([
    ['none of the three', [undefined, undefined, undefined], 'distinctId', 'Invalid distinctId: is required (or deviceId and/or userId)'],
    ['a distinctId that differs from userId', ['other', undefined, 'u1'], 'distinctId', 'Invalid distinctId: must be "u1", the distinct_id Mixpanel derives from userId, or left out'],
    ['a distinctId that differs from userId, with a deviceId', ['$device:d1', 'd1', 'u1'], 'distinctId', 'Invalid distinctId: must be "u1", the distinct_id Mixpanel derives from userId, or left out'],
    [
      'a distinctId with a deviceId but no userId',
      ['u1', 'd1', undefined],
      'distinctId',
      'Invalid distinctId: must be "$device:d1", the distinct_id Mixpanel derives from deviceId, or left out',
    ],
    ['a deviceId that starts with $device:', [undefined, '$device:d1', 'u1'], 'deviceId', "Invalid deviceId: must not start with '$device:' (Mixpanel adds it)"],
    ['a userId that starts with $device:', [undefined, 'd1', '$device:u1'], 'userId', "Invalid userId: must not start with '$device:' (Mixpanel adds it)"],
    ['a placeholder deviceId', [undefined, 'anonymous', undefined], 'deviceId', 'Invalid deviceId: "anonymous" is a placeholder Mixpanel refuses as an id'],
    ['a placeholder userId', [undefined, 'd1', 'NULL'], 'userId', 'Invalid userId: "NULL" is a placeholder Mixpanel refuses as an id'],
    ['a placeholder distinctId', ['undefined', undefined, undefined], 'distinctId', 'Invalid distinctId: "undefined" is a placeholder Mixpanel refuses as an id'],
    ['an empty deviceId', [undefined, ' ', 'u1'], 'deviceId', 'Invalid deviceId: must be a non-empty string'],
    ['a userId that is not a string', [undefined, 'd1', 42], 'userId', 'Invalid userId: must be a string'],
    ['a deviceId of null', ['u1', null, undefined], 'deviceId', 'Invalid deviceId: must be a string'],
  ] as const)('%s', (_, [distinctId, deviceId, userId], path, message) => {
    expect(leftOf(readEventIds(distinctId, deviceId, userId))).toStrictEqual({ _tag: 'ValidationError', path, message })
  })
})
