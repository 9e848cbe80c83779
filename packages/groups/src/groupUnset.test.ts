import { describe, expect, it } from 'vitest'
import { groupSet } from './groupSet.ts'
import { groupUnset } from './groupUnset.ts'
import { accepted, useEmulator } from './test-emulator.ts'

describe('groupUnset (against the emulator)', () => {
  const { emu, config } = useEmulator()

  it('removes the named properties', async () => {
    await accepted(groupSet(config())({ groupKey: 'company', groupId: 'acme', properties: { plan: 'pro', trial_ends: '2024-02-01' } }))
    await accepted(groupUnset(config())({ groupKey: 'company', groupId: 'acme', properties: ['trial_ends'] }))
    expect(emu().group('company', 'acme')).toStrictEqual({ plan: 'pro' })
  })
})
