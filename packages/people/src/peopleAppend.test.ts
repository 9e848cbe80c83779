import { describe, expect, it } from 'vitest'
import { peopleAppend } from './peopleAppend.ts'
import { accepted, useEmulator } from './test-emulator.ts'

describe('peopleAppend (against the emulator)', () => {
  const { emu, config } = useEmulator()

  it('appends to a list, starting one when missing, keeping duplicates', async () => {
    await accepted(peopleAppend(config())({ distinctId: 'u1', properties: { visited: '/pricing' } }))
    await accepted(peopleAppend(config())({ distinctId: 'u1', properties: { visited: '/pricing' } }))
    await accepted(peopleAppend(config())({ distinctId: 'u1', properties: { visited: '/docs' } }))
    expect(emu().profile('u1')).toStrictEqual({ visited: ['/pricing', '/pricing', '/docs'] })
  })
})
