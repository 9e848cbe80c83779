import { describe, it } from 'vitest'
import { buildPeopleSetPayload } from './buildPeopleSetPayload.ts'
import { ENV, TOKEN, expectEngage, expectInvalid } from './test-vectors.ts'

describe('buildPeopleSetPayload', () => {
  it('matches mixpanel-python test_people_set', () => {
    expectEngage(
      buildPeopleSetPayload({ token: TOKEN, distinctId: 'amq', properties: { 'birth month': 'october', 'favorite color': 'purple' } }, ENV),
      { $token: '12345', $time: 1000.1, $distinct_id: 'amq', $set: { 'birth month': 'october', 'favorite color': 'purple' } },
      '{"$token":"12345","$time":1000.1,"$distinct_id":"amq","$set":{"birth month":"october","favorite color":"purple"}}',
    )
  })

  it('matches mixpanel-python test_people_set_created_date_string', () => {
    expectEngage(
      buildPeopleSetPayload({ token: TOKEN, distinctId: 'amq', properties: { $created: '2014-02-14T01:02:03', 'favorite color': 'purple' } }, ENV),
      { $token: '12345', $time: 1000.1, $distinct_id: 'amq', $set: { $created: '2014-02-14T01:02:03', 'favorite color': 'purple' } },
      '{"$token":"12345","$time":1000.1,"$distinct_id":"amq","$set":{"$created":"2014-02-14T01:02:03","favorite color":"purple"}}',
    )
  })

  it('matches mixpanel-python test_people_set_created_date_datetime (a Date becomes UTC YYYY-MM-DDTHH:MM:SS)', () => {
    expectEngage(
      buildPeopleSetPayload({ token: TOKEN, distinctId: 'amq', properties: { $created: new Date(Date.UTC(2014, 1, 14, 1, 2, 3)), 'favorite color': 'purple' } }, ENV),
      { $token: '12345', $time: 1000.1, $distinct_id: 'amq', $set: { $created: '2014-02-14T01:02:03', 'favorite color': 'purple' } },
      '{"$token":"12345","$time":1000.1,"$distinct_id":"amq","$set":{"$created":"2014-02-14T01:02:03","favorite color":"purple"}}',
    )
  })

  it('matches mixpanel-python test_people_meta: meta merges at the top level, after the operation', () => {
    expectEngage(
      buildPeopleSetPayload(
        { token: TOKEN, distinctId: 'amq', properties: { 'birth month': 'october', 'favorite color': 'purple' }, meta: { $ip: 0, $ignore_time: true } },
        ENV,
      ),
      { $token: '12345', $time: 1000.1, $distinct_id: 'amq', $set: { 'birth month': 'october', 'favorite color': 'purple' }, $ip: 0, $ignore_time: true },
      '{"$token":"12345","$time":1000.1,"$distinct_id":"amq","$set":{"birth month":"october","favorite color":"purple"},"$ip":0,"$ignore_time":true}',
    )
  })

  it('refuses properties that are not an object', () => {
    expectInvalid(
      buildPeopleSetPayload({ token: TOKEN, distinctId: 'amq', properties: 'plan' as never }, ENV),
      'properties',
      "Invalid properties: must be an object of properties such as { plan: 'pro' }, got string",
    )
    expectInvalid(
      buildPeopleSetPayload({ token: TOKEN, distinctId: 'amq', properties: ['pro'] as never }, ENV),
      'properties',
      "Invalid properties: must be an object of properties such as { plan: 'pro' }, got an array",
    )
  })

  it('refuses missing properties', () => {
    expectInvalid(
      buildPeopleSetPayload({ token: TOKEN, distinctId: 'amq' } as never, ENV),
      'properties',
      "Invalid properties: is required: an object of properties such as { plan: 'pro' }",
    )
  })

  it('refuses values JSON cannot carry, naming the property', () => {
    expectInvalid(
      buildPeopleSetPayload({ token: TOKEN, distinctId: 'amq', properties: { 'lifetime value': NaN } }, ENV),
      'properties["lifetime value"]',
      'Invalid properties["lifetime value"]: NaN is not JSON',
    )
  })
})
