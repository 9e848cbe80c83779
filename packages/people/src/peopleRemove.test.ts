import { describe, expect, it } from 'vitest'
import { peopleRemove } from './peopleRemove.ts'
import { peopleSet } from './peopleSet.ts'
import { accepted, useEmulator } from './test-emulator.ts'

describe('peopleRemove (against the emulator)', () => {
  const { emu, config } = useEmulator()

  it('removes a value from a list property, leaving the rest', async () => {
    await accepted(peopleSet(config())({ distinctId: 'u1', properties: { tags: ['beta', 'vip'], plan: 'pro' } }))
    await accepted(peopleRemove(config())({ distinctId: 'u1', properties: { tags: 'beta' } }))
    expect(emu().profile('u1')).toStrictEqual({ tags: ['vip'], plan: 'pro' })
  })
})
