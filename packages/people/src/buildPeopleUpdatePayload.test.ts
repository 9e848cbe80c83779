import { describe, it } from 'vitest'
import { buildPeopleUpdatePayload } from './buildPeopleUpdatePayload.ts'
import { ENV, TOKEN, expectEngage, expectInvalid } from './test-vectors.ts'

describe('buildPeopleUpdatePayload', () => {
  it('builds { $token, $time, ...message, ...meta } as mixpanel-python people_update', () => {
    expectEngage(
      buildPeopleUpdatePayload({ token: TOKEN, message: { $distinct_id: 'amq', $set: { plan: 'pro' } }, meta: { $ip: '0' } }, ENV),
      { $token: '12345', $time: 1000.1, $distinct_id: 'amq', $set: { plan: 'pro' }, $ip: '0' },
      '{"$token":"12345","$time":1000.1,"$distinct_id":"amq","$set":{"plan":"pro"},"$ip":"0"}',
    )
  })

  it('lets the message override $time, keeping its position (as a Python dict update does)', () => {
    expectEngage(
      buildPeopleUpdatePayload({ token: TOKEN, message: { $distinct_id: 'amq', $time: 5, $add: { n: 1 } } }, ENV),
      { $token: '12345', $time: 5, $distinct_id: 'amq', $add: { n: 1 } },
      '{"$token":"12345","$time":5,"$distinct_id":"amq","$add":{"n":1}}',
    )
  })

  it('refuses a message without a valid $distinct_id', () => {
    expectInvalid(
      buildPeopleUpdatePayload({ token: TOKEN, message: { $set: { plan: 'pro' } } }, ENV),
      'message.$distinct_id',
      'Invalid message.$distinct_id: is required: the id of the user whose profile to change',
    )
    expectInvalid(
      buildPeopleUpdatePayload({ token: TOKEN, message: { $distinct_id: 42, $set: {} } }, ENV),
      'message.$distinct_id',
      'Invalid message.$distinct_id: must be a string, got number',
    )
  })

  it('refuses a missing or non-object message', () => {
    expectInvalid(
      buildPeopleUpdatePayload({ token: TOKEN } as never, ENV),
      'message',
      "Invalid message: is required: a profile update such as { message: { $distinct_id: 'user_1', $set: { plan: 'pro' } } }",
    )
    expectInvalid(
      buildPeopleUpdatePayload({ token: TOKEN, message: 'set' as never }, ENV),
      'message',
      'Invalid message: must be an object of properties, got string',
    )
  })

  it('refuses a message JSON cannot carry', () => {
    expectInvalid(
      buildPeopleUpdatePayload({ token: TOKEN, message: { $distinct_id: 'amq', $add: { n: -Infinity } } }, ENV),
      'message.$add.n',
      'Invalid message.$add.n: -Infinity is not JSON',
    )
  })
})
