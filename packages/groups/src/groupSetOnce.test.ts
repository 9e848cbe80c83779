import { describe, expect, it } from 'vitest'
import { groupSet } from './groupSet.ts'
import { groupSetOnce } from './groupSetOnce.ts'
import { accepted, useEmulator } from './test-emulator.ts'

describe('groupSetOnce (against the emulator)', () => {
  const { emu, config } = useEmulator()

  it('sets missing properties and never overwrites present ones', async () => {
    await accepted(groupSet(config())({ groupKey: 'company', groupId: 'acme', properties: { plan: 'free' } }))
    await accepted(groupSetOnce(config())({ groupKey: 'company', groupId: 'acme', properties: { plan: 'enterprise', founded: 2009 } }))
    expect(emu().group('company', 'acme')).toStrictEqual({ plan: 'free', founded: 2009 })
  })
})
