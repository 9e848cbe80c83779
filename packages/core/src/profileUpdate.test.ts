import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { profileUpdate } from './profileUpdate.ts'

const build = profileUpdate({
  endpoint: '/groups',
  example: '{ id: 1 }',
  message: (input, now) => (input['fail'] === true ? E.left({ _tag: 'ValidationError', path: 'fail', message: 'Invalid fail: asked to' }) : E.right({ $group_key: 'k', $group_id: 'g', $set: { at: now } })),
})
const env = { now: () => 1_000_100 }
const invalid = (path: string, message: string) => E.left({ _tag: 'ValidationError', path, message })

describe('profileUpdate', () => {
  it('builds { $token, $time (seconds), ...message, ...meta } for its endpoint', () => {
    const result = build({ token: 't', meta: { $ip: '0' } }, env)
    expect(result).toStrictEqual(
      E.right({ endpoint: '/groups', auth: 'token', records: [{ $token: 't', $time: 1000.1, $group_key: 'k', $group_id: 'g', $set: { at: 1_000_100 }, $ip: '0' }] }),
    )
    expect(E.isRight(result) && JSON.stringify(result.right.records)).toBe('[{"$token":"t","$time":1000.1,"$group_key":"k","$group_id":"g","$set":{"at":1000100},"$ip":"0"}]')
  })

  it('lets meta override earlier keys, as mixpanel-python does', () => {
    const result = build({ token: 't', meta: { $time: 1 } }, env)
    expect(E.isRight(result) && result.right.records[0]).toStrictEqual({ $token: 't', $time: 1, $group_key: 'k', $group_id: 'g', $set: { at: 1_000_100 } })
  })

  it('uses Date.now without an env', () => {
    const before = Date.now()
    const result = build({ token: 't' })
    const time = E.isRight(result) ? (result.right.records[0]?.['$time'] as number) : NaN
    expect(time * 1000).toBeGreaterThanOrEqual(before)
  })

  it('passes the message error through', () => {
    expect(build({ token: 't', fail: true }, env)).toStrictEqual(invalid('fail', 'Invalid fail: asked to'))
  })

  it('refuses non-object input, naming the example', () => {
    expect(build('x', env)).toStrictEqual(invalid('input', 'Invalid input: must be an object such as { id: 1 }, got string'))
    expect(build([], env)).toStrictEqual(invalid('input', 'Invalid input: must be an object such as { id: 1 }, got an array'))
    expect(build(undefined, env)).toStrictEqual(invalid('input', 'Invalid input: must be an object such as { id: 1 }, got undefined'))
  })

  it('refuses a missing, empty or non-string token', () => {
    for (const token of [undefined, '', ' ', 5]) {
      expect(build({ token }, env)).toStrictEqual(invalid('token', 'Invalid token: must be your project token, a non-empty string'))
    }
  })

  it('refuses meta that is not a JSON-safe object', () => {
    expect(build({ token: 't', meta: [1] }, env)).toStrictEqual(invalid('meta', 'Invalid meta: must be an object of properties, got an array'))
    expect(build({ token: 't', meta: { $ip: () => 0 } }, env)).toStrictEqual(invalid('meta.$ip', 'Invalid meta.$ip: a function is not JSON'))
  })

  it('refuses a clock that does not give milliseconds, or throws', () => {
    expect(build({ token: 't' }, { now: () => NaN })).toStrictEqual(invalid('env.now', 'Invalid env.now: must return milliseconds since the epoch, got NaN'))
    expect(build({ token: 't' }, { now: () => 1e20 })).toStrictEqual(invalid('env.now', 'Invalid env.now: must return milliseconds since the epoch, got 100000000000000000000'))
    expect(
      build({ token: 't' }, {
        now: () => {
          throw new Error('no clock')
        },
      }),
    ).toStrictEqual(invalid('env.now', 'Invalid env.now: could not be read (no clock)'))
  })

  it('turns a throwing getter into a ValidationError', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('trap') } })
    expect(build(hostile, env)).toStrictEqual(invalid('input', 'Invalid input: could not be read (trap)'))
  })
})
