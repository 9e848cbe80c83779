import { describe, expect, it } from 'vitest'
import { createSimplifiedIdentity } from './createSimplifiedIdentity.ts'

describe('createSimplifiedIdentity', () => {
  it('links a device to a user on their first event together; the user is canonical', () => {
    const identity = createSimplifiedIdentity()
    expect(identity.ingest({ $device_id: 'd1' })).toEqual({ distinctId: '$device:d1' })
    expect(identity.canonicalId('$device:d1')).toBe('$device:d1')
    expect(identity.ingest({ $device_id: 'd1', $user_id: 'u1' })).toEqual({ distinctId: 'u1' })
    expect(identity.ingest({ $device_id: 'd2', $user_id: 'u1' })).toEqual({ distinctId: 'u1' })
    expect([identity.canonicalId('$device:d1'), identity.canonicalId('$device:d2'), identity.canonicalId('u1')]).toEqual(['u1', 'u1', 'u1'])
    expect(identity.clusters()).toEqual([['u1', '$device:d1', '$device:d2']])
  })

  it('first link wins: a linked device with another user links nothing and says why', () => {
    const identity = createSimplifiedIdentity()
    identity.ingest({ $device_id: 'd1', $user_id: 'u1' })
    expect(identity.ingest({ $device_id: 'd1', $user_id: 'u2' })).toEqual({ distinctId: 'u2', failure: 'errAnonDistinctIdAssignedAlready' })
    expect(identity.ingest({ $device_id: 'd1', $user_id: 'u1' })).toEqual({ distinctId: 'u1' })
    expect(identity.clusters()).toEqual([['u1', '$device:d1']])
  })

  it('links nothing from distinct_id alone, and answers undefined for an event without ids', () => {
    const identity = createSimplifiedIdentity()
    expect(identity.ingest({ distinct_id: '$device:d1' })).toEqual({ distinctId: '$device:d1' })
    expect(identity.ingest({})).toEqual({ distinctId: undefined })
    expect(identity.clusters()).toEqual([])
    identity.ingest({ $device_id: 'd1', $user_id: 'u1' })
    identity.clear()
    expect([identity.clusters(), identity.canonicalId('$device:d1')]).toEqual([[], '$device:d1'])
  })
})
