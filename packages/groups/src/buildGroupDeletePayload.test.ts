import { describe, it } from 'vitest'
import { buildGroupDeletePayload } from './buildGroupDeletePayload.ts'
import { ENV, TOKEN, expectGroups, expectInvalid } from './test-vectors.ts'

describe('buildGroupDeletePayload', () => {
  it('sends $delete with an empty string, as mixpanel-python group_delete', () => {
    expectGroups(
      buildGroupDeletePayload({ token: TOKEN, groupKey: 'company', groupId: 'amq' }, ENV),
      { $token: '12345', $time: 1000.1, $group_key: 'company', $group_id: 'amq', $delete: '' },
      '{"$token":"12345","$time":1000.1,"$group_key":"company","$group_id":"amq","$delete":""}',
    )
  })

  it('refuses a missing group id', () => {
    expectInvalid(buildGroupDeletePayload({ token: TOKEN, groupKey: 'company' } as never, ENV), 'groupId', "Invalid groupId: is required: a non-empty string such as 'acme-inc'")
  })
})
