import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { emulatorPerFile } from './emulatorPerFile.ts'
import { http } from './test-http.ts'

const emu = emulatorPerFile({ beforeAll, afterAll, beforeEach })

const update = (operation: string, value: unknown, id = 'u1') => ({ $token: 'tok', $distinct_id: id, [operation]: value })
const engage = async (...updates: Array<Record<string, unknown>>) =>
  (await http(emu.url, '/engage?verbose=1', { json: updates })).body

const OK = '{"error":null,"status":1}'

describe('POST /engage operations', () => {
  it('$set creates and overwrites', async () => {
    expect(await engage(update('$set', { name: 'Ada', plan: 'free' }), update('$set', { plan: 'pro' }))).toBe(OK)
    expect(emu.profile('u1')).toEqual({ name: 'Ada', plan: 'pro' })
  })

  it('$set_once only fills missing properties', async () => {
    await engage(update('$set_once', { first: 'a' }), update('$set_once', { first: 'b', other: 1 }))
    expect(emu.profile('u1')).toEqual({ first: 'a', other: 1 })
  })

  it('$add adds numbers, a missing property counting as 0, negatives decrement', async () => {
    await engage(update('$set', { visits: 2 }), update('$add', { visits: 3, credits: -5 }))
    expect(emu.profile('u1')).toEqual({ visits: 5, credits: -5 })
  })

  it('$add refuses non-numbers and changes nothing', async () => {
    await engage(update('$set', { visits: 2 }))
    expect(await engage(update('$add', { visits: '3' }))).toBe(`{"error":"$add only accepts numbers; 'visits' is \\"3\\"","status":0}`)
    expect(emu.profile('u1')).toEqual({ visits: 2 })
  })

  it('$append pushes without deduplicating, creating the list', async () => {
    await engage(update('$append', { tags: 'a' }), update('$append', { tags: 'a' }))
    await engage(update('$append', { $transactions: { $amount: 9.5, $time: '2026-01-15T12:00:00' } }))
    expect(emu.profile('u1')).toEqual({ tags: ['a', 'a'], $transactions: [{ $amount: 9.5, $time: '2026-01-15T12:00:00' }] })
  })

  it('$union adds only values not yet in the list', async () => {
    await engage(update('$union', { tags: ['a', 'b'] }), update('$union', { tags: ['b', 'c', 1] }))
    expect(emu.profile('u1')).toEqual({ tags: ['a', 'b', 'c', 1] })
    expect((JSON.parse(await engage(update('$union', { tags: 'd' }))) as { status: number }).status).toBe(0)
  })

  it('$remove drops a value from a list; no-op when absent', async () => {
    await engage(update('$set', { tags: ['a', 'b', 'a'] }), update('$remove', { tags: 'a', missing: 'x' }))
    expect(emu.profile('u1')).toEqual({ tags: ['b'] })
    await engage(update('$remove', { tags: 'a' }, 'nobody'))
    expect(emu.profile('nobody')).toBeUndefined()
  })

  it('$unset removes the named properties', async () => {
    await engage(update('$set', { a: 1, b: 2, c: 3 }), update('$unset', ['a', 'c']))
    expect(emu.profile('u1')).toEqual({ b: 2 })
  })

  it('$delete removes the profile', async () => {
    await engage(update('$set', { a: 1 }), update('$delete', '', 'u1'))
    expect(emu.profile('u1')).toBeUndefined()
    expect(emu.profiles()).toEqual({})
  })

  it('keeps profiles per distinct id', async () => {
    await engage(update('$set', { n: 1 }, 'a'), update('$set', { n: 2 }, 'b'))
    expect(emu.profiles()).toEqual({ a: { n: 1 }, b: { n: 2 } })
  })
})

describe('POST /engage answers', () => {
  it('answers 1 / 0 and verbose errors for missing token, distinct id or operation', async () => {
    expect((await http(emu.url, '/engage', { json: [update('$set', { a: 1 })] })).body).toBe('1')
    expect((await http(emu.url, '/engage', { json: [{ $distinct_id: 'u', $set: {} }] })).body).toBe('0')
    expect(await engage({ $distinct_id: 'u', $set: { a: 1 } })).toBe('{"error":"$token, missing or empty","status":0}')
    expect(await engage({ $token: 't', $set: { a: 1 } })).toBe(
      '{"error":"Engage API error: $distinct_id, missing or empty","status":0}',
    )
    expect(await engage({ $token: 't', $distinct_id: 'u', $ip: '0' })).toBe('{"error":"no profile operation in update","status":0}')
    expect(await engage({ $token: 't', $distinct_id: 'u', $sett: {} })).toBe(
      `{"error":"unknown profile operation '$sett'","status":0}`,
    )
  })

  it('answers errors with HTTP 400 when verbose=2', async () => {
    const res = await http(emu.url, '/engage?verbose=2', { json: [{ $token: 't', $set: { a: 1 } }] })
    expect(res.status).toBe(400)
  })

  it('accepts base64 form data (mixpanel-node) and the modifiers beside the operation', async () => {
    const data = Buffer.from(JSON.stringify({ ...update('$set', { a: 1 }), $ip: '0', $ignore_time: true })).toString('base64')
    expect((await http(emu.url, '/engage', { form: { data } })).body).toBe('1')
    expect(emu.profile('u1')).toEqual({ a: 1 })
  })

  it('applies the valid updates of a request even when one is invalid', async () => {
    const body = await engage(update('$set', { a: 1 }), { $token: 't' }, update('$set', { b: 2 }))
    expect((JSON.parse(body) as { status: number }).status).toBe(0)
    expect(emu.profile('u1')).toEqual({ a: 1, b: 2 })
  })
})
