import { describe, it } from 'vitest'
import { buildGroupSetOncePayload } from './buildGroupSetOncePayload.ts'
import { ENV, TOKEN, expectGroups, expectInvalid } from './test-vectors.ts'

describe('buildGroupSetOncePayload', () => {
  it('matches mixpanel-python test_group_set_once', () => {
    expectGroups(
      buildGroupSetOncePayload({ token: TOKEN, groupKey: 'company', groupId: 'amq', properties: { 'birth month': 'october', 'favorite color': 'purple' } }, ENV),
      { $token: '12345', $time: 1000.1, $group_key: 'company', $group_id: 'amq', $set_once: { 'birth month': 'october', 'favorite color': 'purple' } },
      '{"$token":"12345","$time":1000.1,"$group_key":"company","$group_id":"amq","$set_once":{"birth month":"october","favorite color":"purple"}}',
    )
  })

  it('refuses a property JSON cannot carry', () => {
    expectInvalid(
      buildGroupSetOncePayload({ token: TOKEN, groupKey: 'company', groupId: 'amq', properties: { seats: Symbol('x') } }, ENV),
      'properties.seats',
      'Invalid properties.seats: a symbol is not JSON',
    )
  })
})
