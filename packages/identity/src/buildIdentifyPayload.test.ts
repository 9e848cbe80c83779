import { describe, it, expect } from 'vitest'
import { either as E } from 'fp-ts'
import { buildIdentifyPayload } from '@mp/identity'

describe('buildIdentifyPayload', () => {
  it('builds the $identify record of the identity API, to /track with token auth', () => {
    const result = buildIdentifyPayload({ identifiedId: 'user_67890', anonId: 'anonymous_12345', token: '12345' })
    expect(result).toStrictEqual(
      E.right({
        endpoint: '/track',
        auth: 'token',
        records: [{ event: '$identify', properties: { $identified_id: 'user_67890', $anon_id: 'anonymous_12345', token: '12345' } }],
      }),
    )
    expect(E.isRight(result) && JSON.stringify(result.right.records[0])).toBe(
      '{"event":"$identify","properties":{"$identified_id":"user_67890","$anon_id":"anonymous_12345","token":"12345"}}',
    )
  })

  it('merges meta into the top level of the record', () => {
    const result = buildIdentifyPayload({ identifiedId: 'u_1', anonId: 'a_1', token: 't', meta: { ip: 0 } })
    expect(E.isRight(result) && result.right.records[0]?.['ip']).toBe(0)
  })
})
