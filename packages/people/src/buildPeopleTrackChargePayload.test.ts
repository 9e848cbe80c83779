import { describe, expect, it } from 'vitest'
import { buildPeopleTrackChargePayload } from './buildPeopleTrackChargePayload.ts'
import { ENV, TOKEN, expectEngage, expectInvalid } from './test-vectors.ts'

describe('buildPeopleTrackChargePayload', () => {
  it('matches mixpanel-python test_people_track_charge', () => {
    expectEngage(
      buildPeopleTrackChargePayload({ token: TOKEN, distinctId: 'amq', amount: 12.65, properties: { $time: '2013-04-01T09:02:00' } }, ENV),
      { $token: '12345', $time: 1000.1, $distinct_id: 'amq', $append: { $transactions: { $time: '2013-04-01T09:02:00', $amount: 12.65 } } },
      '{"$token":"12345","$time":1000.1,"$distinct_id":"amq","$append":{"$transactions":{"$time":"2013-04-01T09:02:00","$amount":12.65}}}',
    )
  })

  it('adds $time from the build clock when the caller gave none (mixpanel-python test_people_track_charge_without_properties sends only $amount)', () => {
    expectEngage(
      buildPeopleTrackChargePayload({ token: TOKEN, distinctId: 'amq', amount: 12.65 }, ENV),
      { $token: '12345', $time: 1000.1, $distinct_id: 'amq', $append: { $transactions: { $time: '1970-01-01T00:16:40', $amount: 12.65 } } },
      '{"$token":"12345","$time":1000.1,"$distinct_id":"amq","$append":{"$transactions":{"$time":"1970-01-01T00:16:40","$amount":12.65}}}',
    )
  })

  it('formats a Date $time and keeps other transaction properties before $amount', () => {
    expectEngage(
      buildPeopleTrackChargePayload(
        { token: TOKEN, distinctId: 'amq', amount: -5, properties: { sku: 'A1', $time: new Date(Date.UTC(2024, 5, 1, 12, 0, 0)) } },
        ENV,
      ),
      { $token: '12345', $time: 1000.1, $distinct_id: 'amq', $append: { $transactions: { sku: 'A1', $time: '2024-06-01T12:00:00', $amount: -5 } } },
      '{"$token":"12345","$time":1000.1,"$distinct_id":"amq","$append":{"$transactions":{"sku":"A1","$time":"2024-06-01T12:00:00","$amount":-5}}}',
    )
  })

  it("never changes the caller's properties (mixpanel-python adds $amount to them)", () => {
    const properties = { sku: 'A1' }
    buildPeopleTrackChargePayload({ token: TOKEN, distinctId: 'amq', amount: 3, properties }, ENV)
    expect(properties).toStrictEqual({ sku: 'A1' })
  })

  it('refuses an amount that is not a finite number', () => {
    expectInvalid(
      buildPeopleTrackChargePayload({ token: TOKEN, distinctId: 'amq', amount: '12.65' as never }, ENV),
      'amount',
      'Invalid amount: must be a finite number such as 12.65, got string',
    )
    expectInvalid(
      buildPeopleTrackChargePayload({ token: TOKEN, distinctId: 'amq', amount: NaN }, ENV),
      'amount',
      'Invalid amount: must be a finite number such as 12.65, got NaN',
    )
    expectInvalid(
      buildPeopleTrackChargePayload({ token: TOKEN, distinctId: 'amq' } as never, ENV),
      'amount',
      'Invalid amount: is required: the charge as a number, such as 12.65',
    )
  })

  it('refuses transaction properties that are not an object', () => {
    expectInvalid(
      buildPeopleTrackChargePayload({ token: TOKEN, distinctId: 'amq', amount: 1, properties: [1] as never }, ENV),
      'properties',
      'Invalid properties: must be an object of properties, got an array',
    )
  })
})
