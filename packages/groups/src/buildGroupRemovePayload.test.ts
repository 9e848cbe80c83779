import { describe, it } from 'vitest'
import { buildGroupRemovePayload } from './buildGroupRemovePayload.ts'
import { ENV, TOKEN, expectGroups, expectInvalid } from './test-vectors.ts'

describe('buildGroupRemovePayload', () => {
  it('matches mixpanel-python test_group_remove', () => {
    expectGroups(
      buildGroupRemovePayload({ token: TOKEN, groupKey: 'company', groupId: 'amq', properties: { Albums: 'Diamond Dogs' } }, ENV),
      { $token: '12345', $time: 1000.1, $group_key: 'company', $group_id: 'amq', $remove: { Albums: 'Diamond Dogs' } },
      '{"$token":"12345","$time":1000.1,"$group_key":"company","$group_id":"amq","$remove":{"Albums":"Diamond Dogs"}}',
    )
  })

  it('refuses missing properties', () => {
    expectInvalid(
      buildGroupRemovePayload({ token: TOKEN, groupKey: 'company', groupId: 'amq' } as never, ENV),
      'properties',
      "Invalid properties: is required: an object of properties such as { plan: 'pro' }",
    )
  })
})
