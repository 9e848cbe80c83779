import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { groupUpdate } from './groupUpdate.ts'
import { accepted, useEmulator } from './test-emulator.ts'

describe('groupUpdate (against the emulator)', () => {
  const { emu, config } = useEmulator()

  it('applies a raw message', async () => {
    await accepted(groupUpdate(config())({ message: { $group_key: 'company', $group_id: 'acme', $set: { plan: 'pro' } } }))
    await accepted(groupUpdate(config())({ message: { $group_key: 'company', $group_id: 'acme', $union: { regions: ['eu'] } } }))
    expect(emu().group('company', 'acme')).toStrictEqual({ plan: 'pro', regions: ['eu'] })
  })

  it('surfaces Mixpanel refusing an operation groups do not support as ApiRejected', async () => {
    const result = await groupUpdate(config())({ message: { $group_key: 'company', $group_id: 'acme', $add: { seats: 1 } } })()
    expect(E.isLeft(result) && result.left._tag).toBe('ApiRejected')
    expect(emu().group('company', 'acme')).toBeUndefined()
  })
})
