import { describe, expect, it } from 'vitest'
import { peopleDelete } from './peopleDelete.ts'
import { peopleSet } from './peopleSet.ts'
import { accepted, useEmulator } from './test-emulator.ts'

describe('peopleDelete (against the emulator)', () => {
  const { emu, config } = useEmulator()

  it('deletes the whole profile and only that one', async () => {
    await accepted(peopleSet(config())({ distinctId: 'u1', properties: { plan: 'pro' } }))
    await accepted(peopleSet(config())({ distinctId: 'u2', properties: { plan: 'free' } }))
    await accepted(peopleDelete(config())({ distinctId: 'u1' }))
    expect(emu().profile('u1')).toBeUndefined()
    expect(emu().profiles()).toStrictEqual({ u2: { plan: 'free' } })
  })
})
