import { describe, it } from 'vitest'
import { buildPeopleUnsetPayload } from './buildPeopleUnsetPayload.ts'
import { ENV, TOKEN, expectEngage, expectInvalid } from './test-vectors.ts'

describe('buildPeopleUnsetPayload', () => {
  it('matches mixpanel-python test_people_unset', () => {
    expectEngage(
      buildPeopleUnsetPayload({ token: TOKEN, distinctId: 'amq', properties: ['Albums', 'Singles'] }, ENV),
      { $token: '12345', $time: 1000.1, $distinct_id: 'amq', $unset: ['Albums', 'Singles'] },
      '{"$token":"12345","$time":1000.1,"$distinct_id":"amq","$unset":["Albums","Singles"]}',
    )
  })

  it('refuses a single name given as a string', () => {
    expectInvalid(
      buildPeopleUnsetPayload({ token: TOKEN, distinctId: 'amq', properties: 'Albums' as never }, ENV),
      'properties',
      "Invalid properties: must be a non-empty list of property names such as ['plan'], got string",
    )
  })

  it('refuses an object instead of a list', () => {
    expectInvalid(
      buildPeopleUnsetPayload({ token: TOKEN, distinctId: 'amq', properties: { Albums: true } as never }, ENV),
      'properties',
      "Invalid properties: must be a non-empty list of property names such as ['plan'], got object",
    )
  })

  it('refuses an empty list', () => {
    expectInvalid(
      buildPeopleUnsetPayload({ token: TOKEN, distinctId: 'amq', properties: [] }, ENV),
      'properties',
      "Invalid properties: must be a non-empty list of property names such as ['plan'], got an empty list",
    )
  })

  it('refuses a name that is not a non-empty string, naming its index', () => {
    expectInvalid(
      buildPeopleUnsetPayload({ token: TOKEN, distinctId: 'amq', properties: ['Albums', 3 as never] }, ENV),
      'properties[1]',
      'Invalid properties[1]: must be a property name, a non-empty string, got number',
    )
    expectInvalid(
      buildPeopleUnsetPayload({ token: TOKEN, distinctId: 'amq', properties: [' '] }, ENV),
      'properties[0]',
      'Invalid properties[0]: must be a property name, a non-empty string, got string',
    )
  })
})
