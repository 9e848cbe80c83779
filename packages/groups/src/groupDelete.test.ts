import { describe, expect, it } from 'vitest'
import { groupDelete } from './groupDelete.ts'
import { groupSet } from './groupSet.ts'
import { accepted, useEmulator } from './test-emulator.ts'

describe('groupDelete (against the emulator)', () => {
  const { emu, config } = useEmulator()

  it('deletes the group profile and only that one', async () => {
    await accepted(groupSet(config())({ groupKey: 'company', groupId: 'acme', properties: { plan: 'pro' } }))
    await accepted(groupSet(config())({ groupKey: 'company', groupId: 'globex', properties: { plan: 'free' } }))
    await accepted(groupDelete(config())({ groupKey: 'company', groupId: 'acme' }))
    expect(emu().group('company', 'acme')).toBeUndefined()
    expect(emu().groups()).toStrictEqual({ 'company/globex': { plan: 'free' } })
  })
})
