import { describe, it } from 'vitest'
import { buildGroupSetPayload } from './buildGroupSetPayload.ts'
import { ENV, TOKEN, expectGroups, expectInvalid } from './test-vectors.ts'

describe('buildGroupSetPayload', () => {
  it('matches mixpanel-python test_group_set', () => {
    expectGroups(
      buildGroupSetPayload({ token: TOKEN, groupKey: 'company', groupId: 'amq', properties: { 'birth month': 'october', 'favorite color': 'purple' } }, ENV),
      { $token: '12345', $time: 1000.1, $group_key: 'company', $group_id: 'amq', $set: { 'birth month': 'october', 'favorite color': 'purple' } },
      '{"$token":"12345","$time":1000.1,"$group_key":"company","$group_id":"amq","$set":{"birth month":"october","favorite color":"purple"}}',
    )
  })

  it('carries meta at the top level and converts Dates', () => {
    expectGroups(
      buildGroupSetPayload({ token: TOKEN, groupKey: 'company', groupId: 'amq', properties: { since: new Date(Date.UTC(2014, 1, 14, 1, 2, 3)) }, meta: { $ip: '0' } }, ENV),
      { $token: '12345', $time: 1000.1, $group_key: 'company', $group_id: 'amq', $set: { since: '2014-02-14T01:02:03' }, $ip: '0' },
      '{"$token":"12345","$time":1000.1,"$group_key":"company","$group_id":"amq","$set":{"since":"2014-02-14T01:02:03"},"$ip":"0"}',
    )
  })

  it('refuses properties that are not an object', () => {
    expectInvalid(
      buildGroupSetPayload({ token: TOKEN, groupKey: 'company', groupId: 'amq', properties: 'x' as never }, ENV),
      'properties',
      "Invalid properties: must be an object of properties such as { plan: 'pro' }, got string",
    )
  })
})
