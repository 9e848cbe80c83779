import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { profileOperation } from './profileOperation.ts'
import { ENV, TOKEN, expectEngage, expectInvalid } from './test-vectors.ts'

const build = profileOperation<{ distinctId: string; properties: Record<string, unknown>; meta?: Record<string, unknown> }>('$set', 'properties')

describe('profileOperation', () => {
  it('emits { $token, $time, $distinct_id, <op>, ...meta } in that order to /engage with token auth', () => {
    expectEngage(
      build({ token: TOKEN, distinctId: 'u1', properties: { a: 1 }, meta: { $ignore_time: true } } as never, ENV),
      { $token: '12345', $time: 1000.1, $distinct_id: 'u1', $set: { a: 1 }, $ignore_time: true },
      '{"$token":"12345","$time":1000.1,"$distinct_id":"u1","$set":{"a":1},"$ignore_time":true}',
    )
  })

  it('computes the value with a function given the input and the clock', () => {
    const withClock = profileOperation<{ distinctId: string }>('$append', (input, now) => E.right({ at: now, id: String(input['distinctId']) }))
    expectEngage(
      withClock({ token: TOKEN, distinctId: 'u1' }, ENV),
      { $token: '12345', $time: 1000.1, $distinct_id: 'u1', $append: { at: 1_000_100, id: 'u1' } },
      '{"$token":"12345","$time":1000.1,"$distinct_id":"u1","$append":{"at":1000100,"id":"u1"}}',
    )
  })

  it('refuses a distinctId that is not a string, empty, or a placeholder', () => {
    expectInvalid(build({ token: TOKEN, distinctId: 7, properties: {} } as never, ENV), 'distinctId', 'Invalid distinctId: must be a string, got number')
    expectInvalid(build({ token: TOKEN, distinctId: '  ', properties: {} }, ENV), 'distinctId', 'Invalid distinctId: must be a non-empty string')
    expectInvalid(
      build({ token: TOKEN, distinctId: 'null', properties: {} }, ENV),
      'distinctId',
      'Invalid distinctId: "null" is a placeholder Mixpanel refuses as an id',
    )
  })

  it('checks the distinctId before the properties', () => {
    expectInvalid(build({ token: TOKEN, properties: 'x' } as never, ENV), 'distinctId', 'Invalid distinctId: is required: the id of the user whose profile to change')
  })

  it('refuses an input that is not an object, and a missing token', () => {
    expectInvalid(build(null as never, ENV), 'input', "Invalid input: must be an object such as { distinctId: 'user_1', … }, got null")
    expectInvalid(build({ distinctId: 'u1', properties: {} } as never, ENV), 'token', 'Invalid token: must be your project token, a non-empty string')
  })

  it('refuses meta that is not a JSON-safe object', () => {
    expectInvalid(build({ token: TOKEN, distinctId: 'u1', properties: {}, meta: 'ip' as never }, ENV), 'meta', 'Invalid meta: must be an object of properties, got string')
    expectInvalid(
      build({ token: TOKEN, distinctId: 'u1', properties: {}, meta: { $latitude: NaN } }, ENV),
      'meta.$latitude',
      'Invalid meta.$latitude: NaN is not JSON',
    )
  })

  it('turns a throwing getter into a ValidationError instead of throwing', () => {
    const hostile = {
      token: TOKEN,
      get distinctId(): string {
        throw new Error('boom')
      },
    }
    expectInvalid(build(hostile as never, ENV), 'input', 'Invalid input: could not be read (boom)')
  })

  it('does not throw for a revoked Proxy', () => {
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    const result = build(proxy as never, ENV)
    expect(E.isLeft(result) && result.left._tag).toBe('ValidationError')
  })
})
