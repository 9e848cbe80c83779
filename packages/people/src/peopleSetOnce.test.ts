import { describe, expect, it } from 'vitest'
import { peopleSet } from './peopleSet.ts'
import { peopleSetOnce } from './peopleSetOnce.ts'
import { accepted, useEmulator } from './test-emulator.ts'

describe('peopleSetOnce (against the emulator)', () => {
  const { emu, config } = useEmulator()

  it('sets missing properties and never overwrites present ones', async () => {
    await accepted(peopleSet(config())({ distinctId: 'u1', properties: { plan: 'free' } }))
    await accepted(peopleSetOnce(config())({ distinctId: 'u1', properties: { plan: 'pro', first_seen: '2024-01-02T00:00:00' } }))
    expect(emu().profile('u1')).toStrictEqual({ plan: 'free', first_seen: '2024-01-02T00:00:00' })
  })

  it('creates the profile when absent', async () => {
    await accepted(peopleSetOnce(config())({ distinctId: 'u2', properties: { plan: 'trial' } }))
    expect(emu().profile('u2')).toStrictEqual({ plan: 'trial' })
  })
})
