import { describe, it } from 'vitest'
import { buildPeopleSetOncePayload } from './buildPeopleSetOncePayload.ts'
import { ENV, TOKEN, expectEngage, expectInvalid } from './test-vectors.ts'

describe('buildPeopleSetOncePayload', () => {
  it('matches mixpanel-python test_people_set_once', () => {
    expectEngage(
      buildPeopleSetOncePayload({ token: TOKEN, distinctId: 'amq', properties: { 'birth month': 'october', 'favorite color': 'purple' } }, ENV),
      { $token: '12345', $time: 1000.1, $distinct_id: 'amq', $set_once: { 'birth month': 'october', 'favorite color': 'purple' } },
      '{"$token":"12345","$time":1000.1,"$distinct_id":"amq","$set_once":{"birth month":"october","favorite color":"purple"}}',
    )
  })

  it('refuses a BigInt property, naming it', () => {
    expectInvalid(
      buildPeopleSetOncePayload({ token: TOKEN, distinctId: 'amq', properties: { seats: 10n } }, ENV),
      'properties.seats',
      'Invalid properties.seats: a bigint is not JSON',
    )
  })
})
