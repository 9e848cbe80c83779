import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { eventRequest } from './eventRequest.ts'
import { leftOf, rightOf } from './test-either.ts'

const env = { now: () => 1_700_000_000_000, insertId: () => 'id-1' }

describe('eventRequest', () => {
  it('answers one sealed record with its wire size, token auth for /track and secret auth for /import', () => {
    const track = rightOf(eventRequest({ token: 'T', distinctId: 'u1', event: 'e', properties: { p: 'é' } }, env, '/track'))
    expect(track).toMatchObject({ endpoint: '/track', auth: 'token' })
    expect(track.bytes).toStrictEqual([Buffer.byteLength(JSON.stringify(track.records[0]))])
    expect(Object.isFrozen(track.records[0])).toBe(true)
    const imported = rightOf(eventRequest({ token: 'T', distinctId: 'u1', event: 'e', timestamp: 1_699_999_000 }, env, '/import'))
    expect(imported).toMatchObject({ endpoint: '/import', auth: 'secret', records: [{ properties: { time: 1_699_999_000 } }] })
  })

  it('checks the timestamp for /import only, and turns a throwing input into a ValidationError on input', () => {
    expect(leftOf(eventRequest({ token: 'T', distinctId: 'u1', event: 'e' }, env, '/import'))).toMatchObject({ path: 'timestamp' })
    const hostile = new Proxy({}, { get: () => { throw new Error('trap') } })
    expect(leftOf(eventRequest(hostile, env, '/track'))).toMatchObject({ _tag: 'ValidationError', path: 'input' })
  })

  it('checks an insert id the caller supplies, and trusts only its own random one', () => {
    // env.insertId is the caller's: checked like any other value.
    expect(leftOf(eventRequest({ token: 'T', distinctId: 'u1', event: 'e' }, { insertId: () => 'not valid!' }, '/track'))).toMatchObject({ _tag: 'ValidationError', path: 'properties.$insert_id' })
    expect(leftOf(eventRequest({ token: 'T', distinctId: 'u1', event: 'e' }, { insertId: () => 'null' }, '/track'))).toMatchObject({ _tag: 'ValidationError', path: 'properties.$insert_id' })
    // A caller property that replaces the generated id is checked too.
    const replaced = { token: 'T', distinctId: 'u1', event: 'e', properties: { $insert_id: 'has space' } }
    expect(leftOf(eventRequest(replaced, undefined, '/track'))).toMatchObject({ _tag: 'ValidationError', path: 'properties.$insert_id' })
    // The default id: 32 lowercase hex, as mixpanel-python's uuid4().hex.
    const record = rightOf(eventRequest({ token: 'T', distinctId: 'u1', event: 'e' }, undefined, '/track')).records[0] as { properties: { $insert_id: string } }
    expect(record.properties.$insert_id).toMatch(/^[0-9a-f]{32}$/)
  })

  it('checks a distinct_id that caller properties put in place of the checked one', () => {
    for (const bad of ['null', '  ', 'undefined']) {
      const input = { token: 'T', distinctId: 'u1', event: 'e', properties: { distinct_id: bad } }
      expect(leftOf(eventRequest(input, undefined, '/track'))).toMatchObject({ _tag: 'ValidationError', path: 'properties.distinct_id' })
    }
    // The same id repeated in the properties is the checked one.
    const same = rightOf(eventRequest({ token: 'T', distinctId: 'u1', event: 'e', properties: { distinct_id: 'u1' } }, undefined, '/track'))
    expect((same.records[0] as { properties: { distinct_id: string } }).properties.distinct_id).toBe('u1')
    // A derived id (userId, or $device: + deviceId) passes, and a placeholder deviceId never gets that far.
    expect(E.isRight(eventRequest({ token: 'T', deviceId: 'd1', event: 'e' }, undefined, '/track'))).toBe(true)
    expect(leftOf(eventRequest({ token: 'T', deviceId: 'null', event: 'e' }, undefined, '/track'))).toMatchObject({ path: 'deviceId' })
    expect(leftOf(eventRequest({ token: 'T', userId: '$device:x', event: 'e' }, undefined, '/track'))).toMatchObject({ path: 'userId' })
  })
})

