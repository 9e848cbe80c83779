import { describe, expect, it } from 'vitest'
import { peopleClearCharges } from './peopleClearCharges.ts'
import { peopleSet } from './peopleSet.ts'
import { peopleTrackCharge } from './peopleTrackCharge.ts'
import { accepted, useEmulator } from './test-emulator.ts'

describe('peopleClearCharges (against the emulator)', () => {
  const { emu, config } = useEmulator()

  it('removes $transactions and keeps the other properties', async () => {
    await accepted(peopleSet(config())({ distinctId: 'u1', properties: { plan: 'pro' } }))
    await accepted(peopleTrackCharge(config())({ distinctId: 'u1', amount: 5, properties: { $time: '2024-01-01T00:00:00' } }))
    expect(emu().profile('u1')).toStrictEqual({ plan: 'pro', $transactions: [{ $time: '2024-01-01T00:00:00', $amount: 5 }] })
    await accepted(peopleClearCharges(config())({ distinctId: 'u1' }))
    expect(emu().profile('u1')).toStrictEqual({ plan: 'pro' })
  })
})
