import { describe, expect, it } from 'vitest'
import { groupSet } from './groupSet.ts'
import { groupUnion } from './groupUnion.ts'
import { accepted, useEmulator } from './test-emulator.ts'

describe('groupUnion (against the emulator)', () => {
  const { emu, config } = useEmulator()

  it('adds list items without duplicates', async () => {
    await accepted(groupSet(config())({ groupKey: 'company', groupId: 'acme', properties: { regions: ['eu'] } }))
    await accepted(groupUnion(config())({ groupKey: 'company', groupId: 'acme', properties: { regions: ['eu', 'us', 'us'] } }))
    expect(emu().group('company', 'acme')).toStrictEqual({ regions: ['eu', 'us'] })
  })
})
