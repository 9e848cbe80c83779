import { describe, it } from 'vitest'
import { buildPeopleIncrementPayload } from './buildPeopleIncrementPayload.ts'
import { ENV, TOKEN, expectEngage, expectInvalid } from './test-vectors.ts'

describe('buildPeopleIncrementPayload', () => {
  it('matches mixpanel-python test_people_increment', () => {
    expectEngage(
      buildPeopleIncrementPayload({ token: TOKEN, distinctId: 'amq', properties: { 'Albums Released': 1 } }, ENV),
      { $token: '12345', $time: 1000.1, $distinct_id: 'amq', $add: { 'Albums Released': 1 } },
      '{"$token":"12345","$time":1000.1,"$distinct_id":"amq","$add":{"Albums Released":1}}',
    )
  })

  it('takes negative and fractional amounts', () => {
    expectEngage(
      buildPeopleIncrementPayload({ token: TOKEN, distinctId: 'amq', properties: { credits: -2.5 } }, ENV),
      { $token: '12345', $time: 1000.1, $distinct_id: 'amq', $add: { credits: -2.5 } },
      '{"$token":"12345","$time":1000.1,"$distinct_id":"amq","$add":{"credits":-2.5}}',
    )
  })

  it('refuses a value that is not a number', () => {
    expectInvalid(
      buildPeopleIncrementPayload({ token: TOKEN, distinctId: 'amq', properties: { logins: '1' as never } }, ENV),
      'properties.logins',
      'Invalid properties.logins: must be a number to add (negative to subtract), got string',
    )
  })

  it('refuses ±Infinity and NaN', () => {
    expectInvalid(
      buildPeopleIncrementPayload({ token: TOKEN, distinctId: 'amq', properties: { logins: Infinity } }, ENV),
      'properties.logins',
      'Invalid properties.logins: Infinity is not JSON',
    )
  })

  it('refuses a list of names instead of an object of numbers', () => {
    expectInvalid(
      buildPeopleIncrementPayload({ token: TOKEN, distinctId: 'amq', properties: 'logins' as never }, ENV),
      'properties',
      'Invalid properties: must be an object of numbers to add such as { logins: 1 }, got string',
    )
  })
})
