import { describe, it, expect } from 'vitest'
import { either as E } from 'fp-ts'
import { buildMergePayload } from '@mp/identity'

describe('buildMergePayload', () => {
  it('builds the $merge record mixpanel-python 5.3 sends, to /import with secret auth', () => {
    const result = buildMergePayload({ distinctId1: 'd1', distinctId2: 'd2', token: '12345' }, { now: () => 1, insertId: () => 'x' })
    expect(result).toStrictEqual(
      E.right({
        endpoint: '/import',
        auth: 'secret',
        records: [{ event: '$merge', properties: { $distinct_ids: ['d1', 'd2'], token: '12345' } }],
      }),
    )
    // mixpanel-python test_merge, serialised with json.dumps(separators=(',', ':')).
    expect(E.isRight(result) && JSON.stringify(result.right.records[0])).toBe('{"event":"$merge","properties":{"$distinct_ids":["d1","d2"],"token":"12345"}}')
  })

  it('merges meta into the top level of the record', () => {
    const result = buildMergePayload({ distinctId1: 'd1', distinctId2: 'd2', token: 't', meta: { ip: 0 } })
    expect(E.isRight(result) && result.right.records).toStrictEqual([{ event: '$merge', properties: { $distinct_ids: ['d1', 'd2'], token: 't' }, ip: 0 }])
  })

  it('never puts credentials in the descriptor: auth says only that a secret is needed', () => {
    const result = buildMergePayload({ distinctId1: 'd1', distinctId2: 'd2', token: 't' })
    expect(E.isRight(result) && Object.keys(result.right).sort()).toStrictEqual(['auth', 'endpoint', 'records'])
  })
})
