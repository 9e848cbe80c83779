import { describe, it } from 'vitest'
import { buildPeopleRemovePayload } from './buildPeopleRemovePayload.ts'
import { ENV, TOKEN, expectEngage, expectInvalid } from './test-vectors.ts'

describe('buildPeopleRemovePayload', () => {
  it('matches mixpanel-python test_people_remove', () => {
    expectEngage(
      buildPeopleRemovePayload({ token: TOKEN, distinctId: 'amq', properties: { Albums: 'Diamond Dogs' } }, ENV),
      { $token: '12345', $time: 1000.1, $distinct_id: 'amq', $remove: { Albums: 'Diamond Dogs' } },
      '{"$token":"12345","$time":1000.1,"$distinct_id":"amq","$remove":{"Albums":"Diamond Dogs"}}',
    )
  })

  it('refuses null properties', () => {
    expectInvalid(
      buildPeopleRemovePayload({ token: TOKEN, distinctId: 'amq', properties: null as never }, ENV),
      'properties',
      "Invalid properties: must be an object of properties such as { plan: 'pro' }, got null",
    )
  })
})
