import { describe, it } from 'vitest'
import { buildGroupUpdatePayload } from './buildGroupUpdatePayload.ts'
import { ENV, TOKEN, expectGroups, expectInvalid } from './test-vectors.ts'

describe('buildGroupUpdatePayload', () => {
  it('builds { $token, $time, ...message, ...meta } as mixpanel-python group_update', () => {
    expectGroups(
      buildGroupUpdatePayload({ token: TOKEN, message: { $group_key: 'company', $group_id: 'amq', $set: { plan: 'enterprise' } }, meta: { $ip: 0 } }, ENV),
      { $token: '12345', $time: 1000.1, $group_key: 'company', $group_id: 'amq', $set: { plan: 'enterprise' }, $ip: 0 },
      '{"$token":"12345","$time":1000.1,"$group_key":"company","$group_id":"amq","$set":{"plan":"enterprise"},"$ip":0}',
    )
  })

  it('refuses a message without $group_key or $group_id', () => {
    expectInvalid(
      buildGroupUpdatePayload({ token: TOKEN, message: { $group_id: 'amq', $set: {} } }, ENV),
      'message.$group_key',
      "Invalid message.$group_key: is required: a non-empty string such as 'company'",
    )
    expectInvalid(
      buildGroupUpdatePayload({ token: TOKEN, message: { $group_key: 'company', $group_id: '', $set: {} } }, ENV),
      'message.$group_id',
      "Invalid message.$group_id: must be a non-empty string such as 'acme-inc', got an empty string",
    )
  })

  it('refuses a missing or non-JSON message', () => {
    expectInvalid(
      buildGroupUpdatePayload({ token: TOKEN } as never, ENV),
      'message',
      "Invalid message: is required: a group update such as { message: { $group_key: 'company', $group_id: 'acme-inc', $set: { plan: 'enterprise' } } }",
    )
    expectInvalid(
      buildGroupUpdatePayload({ token: TOKEN, message: { $group_key: 'company', $group_id: 'amq', $set: { n: NaN } } }, ENV),
      'message.$set.n',
      'Invalid message.$set.n: NaN is not JSON',
    )
  })
})
