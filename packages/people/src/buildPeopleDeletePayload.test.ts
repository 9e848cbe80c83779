import { describe, it } from 'vitest'
import { buildPeopleDeletePayload } from './buildPeopleDeletePayload.ts'
import { ENV, TOKEN, expectEngage, expectInvalid } from './test-vectors.ts'

describe('buildPeopleDeletePayload', () => {
  it('sends $delete with an empty string, as mixpanel-python people_delete', () => {
    expectEngage(
      buildPeopleDeletePayload({ token: TOKEN, distinctId: 'amq' }, ENV),
      { $token: '12345', $time: 1000.1, $distinct_id: 'amq', $delete: '' },
      '{"$token":"12345","$time":1000.1,"$distinct_id":"amq","$delete":""}',
    )
  })

  it('carries $ignore_alias from meta at the top level', () => {
    expectEngage(
      buildPeopleDeletePayload({ token: TOKEN, distinctId: 'amq', meta: { $ignore_alias: true } }, ENV),
      { $token: '12345', $time: 1000.1, $distinct_id: 'amq', $delete: '', $ignore_alias: true },
      '{"$token":"12345","$time":1000.1,"$distinct_id":"amq","$delete":"","$ignore_alias":true}',
    )
  })

  it('refuses a placeholder id, which would delete a profile shared by unrelated users', () => {
    expectInvalid(
      buildPeopleDeletePayload({ token: TOKEN, distinctId: 'undefined' }, ENV),
      'distinctId',
      'Invalid distinctId: "undefined" is a placeholder Mixpanel refuses as an id',
    )
  })
})
