import { describe, it } from 'vitest'
import { buildPeopleAppendPayload } from './buildPeopleAppendPayload.ts'
import { ENV, TOKEN, expectEngage, expectInvalid } from './test-vectors.ts'

describe('buildPeopleAppendPayload', () => {
  it('matches mixpanel-python test_people_append', () => {
    expectEngage(
      buildPeopleAppendPayload({ token: TOKEN, distinctId: 'amq', properties: { 'birth month': 'october', 'favorite color': 'purple' } }, ENV),
      { $token: '12345', $time: 1000.1, $distinct_id: 'amq', $append: { 'birth month': 'october', 'favorite color': 'purple' } },
      '{"$token":"12345","$time":1000.1,"$distinct_id":"amq","$append":{"birth month":"october","favorite color":"purple"}}',
    )
  })

  it('refuses a circular value', () => {
    const cycle: Record<string, unknown> = {}
    cycle['self'] = cycle
    expectInvalid(
      buildPeopleAppendPayload({ token: TOKEN, distinctId: 'amq', properties: { visits: cycle } }, ENV),
      'properties.visits.self',
      'Invalid properties.visits.self: circular reference',
    )
  })
})
