import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { peopleUpdate } from './peopleUpdate.ts'
import { accepted, useEmulator } from './test-emulator.ts'

describe('peopleUpdate (against the emulator)', () => {
  const { emu, config } = useEmulator()

  it('applies a raw message', async () => {
    await accepted(peopleUpdate(config())({ message: { $distinct_id: 'u1', $set: { plan: 'pro' } } }))
    await accepted(peopleUpdate(config())({ message: { $distinct_id: 'u1', $add: { logins: 1 } }, meta: { $ignore_time: true } }))
    expect(emu().profile('u1')).toStrictEqual({ plan: 'pro', logins: 1 })
  })

  it('surfaces Mixpanel refusing a message as ApiRejected', async () => {
    const result = await peopleUpdate(config())({ message: { $distinct_id: 'u1', $frobnicate: {} } })()
    expect(E.isLeft(result) && result.left._tag).toBe('ApiRejected')
    expect(emu().profile('u1')).toBeUndefined()
  })
})
