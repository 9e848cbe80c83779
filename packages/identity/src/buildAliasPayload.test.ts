import { describe, it, expect } from 'vitest'
import { either as E } from 'fp-ts'
import { buildAliasPayload } from '@mp/identity'

const env = { now: () => 1_000_100, insertId: () => 'abc123' }

describe('buildAliasPayload', () => {
  it('builds the $create_alias record mixpanel-python 5.3 sends, with no time or insert id', () => {
    const result = buildAliasPayload({ aliasId: 'ALIAS', original: 'ORIGINAL ID', token: '12345' }, env)
    expect(result).toStrictEqual(
      E.right({
        endpoint: '/track',
        auth: 'token',
        records: [{ event: '$create_alias', properties: { distinct_id: 'ORIGINAL ID', alias: 'ALIAS', token: '12345' } }],
      }),
    )
    // mixpanel-python test_alias, serialised with json.dumps(separators=(',', ':')): same keys in the same order.
    expect(E.isRight(result) && JSON.stringify(result.right.records[0])).toBe(
      '{"event":"$create_alias","properties":{"distinct_id":"ORIGINAL ID","alias":"ALIAS","token":"12345"}}',
    )
  })

  it('gives the same record with or without an env (nothing depends on the clock)', () => {
    const input = { aliasId: 'user_67890', original: 'anonymous_12345', token: 't' }
    expect(buildAliasPayload(input)).toStrictEqual(buildAliasPayload(input, env))
  })

  it('merges meta shallowly into the top level, after the record, as mixpanel-python does', () => {
    const result = buildAliasPayload({ aliasId: 'user_67890', original: 'anonymous_12345', token: 't', meta: { ip: 0, at: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)) } })
    expect(E.isRight(result) && JSON.stringify(result.right.records[0])).toBe(
      '{"event":"$create_alias","properties":{"distinct_id":"anonymous_12345","alias":"user_67890","token":"t"},"ip":0,"at":"2024-01-02T03:04:05"}',
    )
  })

  it('lets meta replace the event name, as mixpanel-python\'s dict.update does', () => {
    const result = buildAliasPayload({ aliasId: 'a_1', original: 'b_2', token: 't', meta: { event: 'custom' } })
    expect(E.isRight(result) && result.right.records[0]?.['event']).toBe('custom')
  })

  it('keeps the ids exactly as given (no trimming)', () => {
    const result = buildAliasPayload({ aliasId: ' user_67890', original: 'anonymous_12345 ', token: 't' })
    expect(E.isRight(result) && result.right.records[0]?.['properties']).toStrictEqual({ distinct_id: 'anonymous_12345 ', alias: ' user_67890', token: 't' })
  })

  it('does not share state between calls (a mutated record does not leak into the next one)', () => {
    const input = { aliasId: 'a_1', original: 'b_2', token: 't' }
    const first = buildAliasPayload(input)
    const second = buildAliasPayload(input)
    expect(E.isRight(first) && E.isRight(second) && first.right.records[0] !== second.right.records[0]).toBe(true)
  })
})
