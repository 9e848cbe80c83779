import { describe, it } from 'vitest'
import { buildGroupUnsetPayload } from './buildGroupUnsetPayload.ts'
import { ENV, TOKEN, expectGroups, expectInvalid } from './test-vectors.ts'

describe('buildGroupUnsetPayload', () => {
  it('matches mixpanel-python test_group_unset', () => {
    expectGroups(
      buildGroupUnsetPayload({ token: TOKEN, groupKey: 'company', groupId: 'amq', properties: ['Albums', 'Singles'] }, ENV),
      { $token: '12345', $time: 1000.1, $group_key: 'company', $group_id: 'amq', $unset: ['Albums', 'Singles'] },
      '{"$token":"12345","$time":1000.1,"$group_key":"company","$group_id":"amq","$unset":["Albums","Singles"]}',
    )
  })

  it('refuses anything but a non-empty list of names', () => {
    expectInvalid(
      buildGroupUnsetPayload({ token: TOKEN, groupKey: 'company', groupId: 'amq', properties: 'Albums' as never }, ENV),
      'properties',
      "Invalid properties: must be a non-empty list of property names such as ['plan'], got string",
    )
    expectInvalid(buildGroupUnsetPayload({ token: TOKEN, groupKey: 'company', groupId: 'amq', properties: [] }, ENV), 'properties', "Invalid properties: must be a non-empty list of property names such as ['plan'], got an empty list")
    expectInvalid(
      buildGroupUnsetPayload({ token: TOKEN, groupKey: 'company', groupId: 'amq', properties: [null as never] }, ENV),
      'properties[0]',
      'Invalid properties[0]: must be a property name, a non-empty string, got null',
    )
  })
})
