import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { groupOperation } from './groupOperation.ts'
import { ENV, TOKEN, expectGroups, expectInvalid } from './test-vectors.ts'

const build = groupOperation<{ groupKey: string; groupId: string; properties: Record<string, unknown> }>('$set', 'properties')

describe('groupOperation', () => {
  it('emits { $token, $time, $group_key, $group_id, <op>, ...meta } in that order to /groups with token auth', () => {
    expectGroups(
      build({ token: TOKEN, groupKey: 'company', groupId: 'amq', properties: { a: 1 }, meta: { $ignore_time: true } } as never, ENV),
      { $token: '12345', $time: 1000.1, $group_key: 'company', $group_id: 'amq', $set: { a: 1 }, $ignore_time: true },
      '{"$token":"12345","$time":1000.1,"$group_key":"company","$group_id":"amq","$set":{"a":1},"$ignore_time":true}',
    )
  })

  it('checks the group before the properties', () => {
    expectInvalid(build({ token: TOKEN, groupId: 'amq', properties: 5 } as never, ENV), 'groupKey', "Invalid groupKey: is required: a non-empty string such as 'company'")
  })

  it('refuses non-object input, a missing token and bad meta', () => {
    expectInvalid(build(42 as never, ENV), 'input', "Invalid input: must be an object such as { groupKey: 'company', groupId: 'acme-inc', … }, got number")
    expectInvalid(build({ groupKey: 'company', groupId: 'amq', properties: {} } as never, ENV), 'token', 'Invalid token: must be your project token, a non-empty string')
    expectInvalid(build({ token: TOKEN, groupKey: 'company', groupId: 'amq', properties: {}, meta: 1 } as never, ENV), 'meta', 'Invalid meta: must be an object of properties, got number')
  })

  it('turns hostile input into a ValidationError instead of throwing', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('trap') } })
    expectInvalid(build(hostile as never, ENV), 'input', 'Invalid input: could not be read (trap)')
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    const result = build(proxy as never, ENV)
    expect(E.isLeft(result) && result.left._tag).toBe('ValidationError')
  })
})
