import { describe, expect, it } from 'vitest'
import { peopleSet } from './peopleSet.ts'
import { peopleUnset } from './peopleUnset.ts'
import { accepted, useEmulator } from './test-emulator.ts'

describe('peopleUnset (against the emulator)', () => {
  const { emu, config } = useEmulator()

  it('removes the named properties', async () => {
    await accepted(peopleSet(config())({ distinctId: 'u1', properties: { plan: 'pro', trial_ends: '2024-02-01', seats: 3 } }))
    await accepted(peopleUnset(config())({ distinctId: 'u1', properties: ['trial_ends', 'seats'] }))
    expect(emu().profile('u1')).toStrictEqual({ plan: 'pro' })
  })
})
