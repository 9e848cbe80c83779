import { describe, it } from 'vitest'
import { buildGroupUnionPayload } from './buildGroupUnionPayload.ts'
import { ENV, TOKEN, expectGroups, expectInvalid } from './test-vectors.ts'

describe('buildGroupUnionPayload', () => {
  it('matches mixpanel-python test_group_union', () => {
    expectGroups(
      buildGroupUnionPayload({ token: TOKEN, groupKey: 'company', groupId: 'amq', properties: { Albums: ['Diamond Dogs'] } }, ENV),
      { $token: '12345', $time: 1000.1, $group_key: 'company', $group_id: 'amq', $union: { Albums: ['Diamond Dogs'] } },
      '{"$token":"12345","$time":1000.1,"$group_key":"company","$group_id":"amq","$union":{"Albums":["Diamond Dogs"]}}',
    )
  })

  it('refuses a value that is not a non-empty list', () => {
    expectInvalid(
      buildGroupUnionPayload({ token: TOKEN, groupKey: 'company', groupId: 'amq', properties: { Albums: 'Diamond Dogs' as never } }, ENV),
      'properties.Albums',
      "Invalid properties.Albums: must be a non-empty list of values to add without duplicates, such as ['beta'], got string",
    )
    expectInvalid(
      buildGroupUnionPayload({ token: TOKEN, groupKey: 'company', groupId: 'amq', properties: { Albums: [] } }, ENV),
      'properties.Albums',
      "Invalid properties.Albums: must be a non-empty list of values to add without duplicates, such as ['beta'], got an empty list",
    )
  })
})
