import { describe, it } from 'vitest'
import { buildPeopleClearChargesPayload } from './buildPeopleClearChargesPayload.ts'
import { ENV, TOKEN, expectEngage, expectInvalid } from './test-vectors.ts'

describe('buildPeopleClearChargesPayload', () => {
  it('matches mixpanel-python test_people_clear_charges', () => {
    expectEngage(
      buildPeopleClearChargesPayload({ token: TOKEN, distinctId: 'amq' }, ENV),
      { $token: '12345', $time: 1000.1, $distinct_id: 'amq', $unset: ['$transactions'] },
      '{"$token":"12345","$time":1000.1,"$distinct_id":"amq","$unset":["$transactions"]}',
    )
  })

  it('refuses a missing distinctId', () => {
    expectInvalid(
      buildPeopleClearChargesPayload({ token: TOKEN } as never, ENV),
      'distinctId',
      'Invalid distinctId: is required: the id of the user whose profile to change',
    )
  })
})
