import { describe, it } from 'vitest'
import { buildPeopleUnionPayload } from './buildPeopleUnionPayload.ts'
import { ENV, TOKEN, expectEngage, expectInvalid } from './test-vectors.ts'

describe('buildPeopleUnionPayload', () => {
  it('matches mixpanel-python test_people_union', () => {
    expectEngage(
      buildPeopleUnionPayload({ token: TOKEN, distinctId: 'amq', properties: { Albums: ['Diamond Dogs'] } }, ENV),
      { $token: '12345', $time: 1000.1, $distinct_id: 'amq', $union: { Albums: ['Diamond Dogs'] } },
      '{"$token":"12345","$time":1000.1,"$distinct_id":"amq","$union":{"Albums":["Diamond Dogs"]}}',
    )
  })

  it('refuses a value that is not a list', () => {
    expectInvalid(
      buildPeopleUnionPayload({ token: TOKEN, distinctId: 'amq', properties: { Albums: 'Diamond Dogs' as never } }, ENV),
      'properties.Albums',
      "Invalid properties.Albums: must be a non-empty list of values to add without duplicates, such as ['beta'], got string",
    )
  })

  it('refuses an empty list', () => {
    expectInvalid(
      buildPeopleUnionPayload({ token: TOKEN, distinctId: 'amq', properties: { Albums: [] } }, ENV),
      'properties.Albums',
      "Invalid properties.Albums: must be a non-empty list of values to add without duplicates, such as ['beta'], got an empty list",
    )
  })
})
