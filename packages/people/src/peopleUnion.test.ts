import { describe, expect, it } from 'vitest'
import { peopleSet } from './peopleSet.ts'
import { peopleUnion } from './peopleUnion.ts'
import { accepted, useEmulator } from './test-emulator.ts'

describe('peopleUnion (against the emulator)', () => {
  const { emu, config } = useEmulator()

  it('adds list items without duplicates', async () => {
    await accepted(peopleSet(config())({ distinctId: 'u1', properties: { tags: ['beta'] } }))
    await accepted(peopleUnion(config())({ distinctId: 'u1', properties: { tags: ['beta', 'vip', 'vip'] } }))
    expect(emu().profile('u1')).toStrictEqual({ tags: ['beta', 'vip'] })
  })
})
