import { describe, expect, it } from 'vitest'
import { peopleIncrement } from './peopleIncrement.ts'
import { peopleSet } from './peopleSet.ts'
import { accepted, useEmulator } from './test-emulator.ts'

describe('peopleIncrement (against the emulator)', () => {
  const { emu, config } = useEmulator()

  it('adds to numeric properties, a missing one counting as 0', async () => {
    await accepted(peopleSet(config())({ distinctId: 'u1', properties: { logins: 2 } }))
    await accepted(peopleIncrement(config())({ distinctId: 'u1', properties: { logins: 3, credits: -1.5 } }))
    expect(emu().profile('u1')).toStrictEqual({ logins: 5, credits: -1.5 })
  })
})
