import { describe, expect, it } from 'vitest'
import { peopleTrackCharge } from './peopleTrackCharge.ts'
import { accepted, useEmulator } from './test-emulator.ts'

describe('peopleTrackCharge (against the emulator)', () => {
  const { emu, config } = useEmulator()

  it('appends each charge to $transactions, with $time from the clock when not given', async () => {
    await accepted(peopleTrackCharge(config(), { now: () => Date.UTC(2024, 5, 1, 12, 0, 0) })({ distinctId: 'u1', amount: 12.65 }))
    await accepted(peopleTrackCharge(config())({ distinctId: 'u1', amount: -2, properties: { $time: '2013-04-01T09:02:00', sku: 'A1' } }))
    expect(emu().profile('u1')).toStrictEqual({
      $transactions: [
        { $time: '2024-06-01T12:00:00', $amount: 12.65 },
        { $time: '2013-04-01T09:02:00', sku: 'A1', $amount: -2 },
      ],
    })
  })
})
