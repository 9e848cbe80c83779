import { describe, expect, it } from 'vitest'
import { LIB_NAME, LIB_VERSION } from '@mp/core'
import { buildEventRecord } from './buildEventRecord.ts'
import { leftOf, rightOf } from './test-either.ts'

describe('buildEventRecord', () => {
  it('puts defaults first, lets caller keys replace them in place, then merges meta', () => {
    const record = rightOf(buildEventRecord({ token: 'T', distinctId: 'u1', event: 'e', properties: { extra: 1, time: 5, token: 'T2' }, meta: { ip: 0 }, ids: {} }, 1000.1, 'abc'))
    expect(JSON.stringify(record)).toBe(
      `{"event":"e","properties":{"token":"T2","distinct_id":"u1","time":5,"$insert_id":"abc","mp_lib":"${LIB_NAME}","$lib_version":"${LIB_VERSION}","extra":1},"ip":0}`,
    )
  })

  it('puts $device_id / $user_id after the caller properties, so they win over theirs', () => {
    const record = rightOf(buildEventRecord({ token: 'T', distinctId: 'u1', event: 'e', properties: { $user_id: 'x', a: 1 }, meta: {}, ids: { $device_id: 'd1', $user_id: 'u1' } }, 1, 'a'))
    expect(JSON.stringify(record['properties'])).toBe(
      `{"token":"T","distinct_id":"u1","time":1,"$insert_id":"a","mp_lib":"${LIB_NAME}","$lib_version":"${LIB_VERSION}","$user_id":"u1","a":1,"$device_id":"d1"}`,
    )
  })

  it('keeps a caller key named __proto__ as a plain property', () => {
    const properties = JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, never>
    const record = rightOf(buildEventRecord({ token: 'T', distinctId: 'u1', event: 'e', properties, meta: {}, ids: {} }, 1, 'a'))
    expect(Object.keys(record['properties'] as object)).toContain('__proto__')
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })

  it('converts the caller properties into the record in the same pass: Dates formatted, undefined dropped, NaN refused at its path', () => {
    const fields = { token: 'T', distinctId: 'u1', event: 'e', meta: {}, ids: {} }
    const record = rightOf(buildEventRecord({ ...fields, properties: { at: new Date(0), gone: undefined, list: [1, undefined] } }, 1, 'a'))
    expect(record['properties']).toMatchObject({ at: '1970-01-01T00:00:00', list: [1, null] })
    expect(Object.keys(record['properties'] as object)).not.toContain('gone')
    expect(leftOf(buildEventRecord({ ...fields, properties: { score: Number.NaN } }, 1, 'a'))).toMatchObject({ _tag: 'ValidationError', path: 'properties.score' })
    expect(leftOf(buildEventRecord({ ...fields, properties: new Map() }, 1, 'a'))).toMatchObject({ _tag: 'ValidationError', path: 'properties' })
    expect(leftOf(buildEventRecord({ ...fields, properties: ['a'] }, 1, 'a'))).toMatchObject({ _tag: 'ValidationError', path: 'properties' })
  })

  it('never changes the caller properties object', () => {
    const properties = { plan: 'pro', at: new Date(0) }
    rightOf(buildEventRecord({ token: 'T', distinctId: 'u1', event: 'e', properties, meta: {}, ids: { $user_id: 'u1' } }, 1, 'a'))
    expect(properties).toEqual({ plan: 'pro', at: new Date(0) })
    expect(Object.isFrozen(properties)).toBe(false)
  })

  it('builds the same record whichever path the properties take (one spread for plain ones, the full walk for the rest)', () => {
    const fields = { token: 'T', distinctId: 'u1', event: 'e', meta: {}, ids: { $user_id: 'u1' } }
    // A Date sends the properties down the full walk; the same properties with the formatted string take the spread.
    const slow = rightOf(buildEventRecord({ ...fields, properties: { plan: 'pro', tags: ['a', 1], at: new Date(0), time: 9 } }, 1, 'a'))
    const fast = rightOf(buildEventRecord({ ...fields, properties: { plan: 'pro', tags: ['a', 1], at: '1970-01-01T00:00:00', time: 9 } }, 1, 'a'))
    expect(fast).toStrictEqual(slow)
    expect(JSON.stringify(fast)).toBe(JSON.stringify(slow))
  })

  it('reads a throwing getter or Proxy trap in the properties as a ValidationError at its path, whichever path met it', () => {
    const fields = { token: 'T', distinctId: 'u1', event: 'e', meta: {}, ids: {} }
    const getter = Object.defineProperty({ plan: 'pro' }, 'secret', {
      enumerable: true,
      get() {
        throw new Error('boom')
      },
    })
    expect(leftOf(buildEventRecord({ ...fields, properties: getter }, 1, 'a'))).toMatchObject({ _tag: 'ValidationError', path: 'properties.secret' })
    const trap = new Proxy(['a'], {
      get() {
        throw new Error('trap')
      },
    })
    expect(leftOf(buildEventRecord({ ...fields, properties: { list: trap } }, 1, 'a'))).toMatchObject({ _tag: 'ValidationError', path: 'properties.list' })
  })

  it('leaves out symbol-keyed members, as JSON does, and never shares a list or object with the caller', () => {
    const tags = ['a']
    const properties = { tags, nested: { a: 1 }, [Symbol('hidden')]: 'not JSON' }
    const record = rightOf(buildEventRecord({ token: 'T', distinctId: 'u1', event: 'e', properties, meta: {}, ids: {} }, 1, 'a'))
    const props = record['properties'] as Record<string | symbol, unknown>
    expect(Object.getOwnPropertySymbols(props)).toEqual([])
    expect(props['tags']).toEqual(['a'])
    expect(props['tags']).not.toBe(tags)
    expect(props['nested']).not.toBe(properties.nested)
  })
})
