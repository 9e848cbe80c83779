import { describe, expect, it } from 'vitest'
import { groupRemove } from './groupRemove.ts'
import { groupSet } from './groupSet.ts'
import { accepted, useEmulator } from './test-emulator.ts'

describe('groupRemove (against the emulator)', () => {
  const { emu, config } = useEmulator()

  it('removes a value from a list property', async () => {
    await accepted(groupSet(config())({ groupKey: 'company', groupId: 'acme', properties: { regions: ['eu', 'us'], plan: 'pro' } }))
    await accepted(groupRemove(config())({ groupKey: 'company', groupId: 'acme', properties: { regions: 'eu' } }))
    expect(emu().group('company', 'acme')).toStrictEqual({ regions: ['us'], plan: 'pro' })
  })
})
