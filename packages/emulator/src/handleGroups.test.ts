import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { emulatorPerFile } from './emulatorPerFile.ts'
import { http } from './test-http.ts'

const emu = emulatorPerFile({ beforeAll, afterAll, beforeEach })

const update = (operation: string, value: unknown, groupId: unknown = 'acme') => ({
  $token: 'tok',
  $group_key: 'company',
  $group_id: groupId,
  [operation]: value,
})
const groups = async (...updates: Array<Record<string, unknown>>) =>
  (await http(emu.url, '/groups?verbose=1', { json: updates })).body

const OK = '{"error":null,"status":1}'

describe('POST /groups operations', () => {
  it('$set and $set_once', async () => {
    expect(await groups(update('$set', { name: 'Acme', size: 1 }), update('$set', { size: 2 }))).toBe(OK)
    await groups(update('$set_once', { name: 'Other', founded: 1999 }))
    expect(emu.group('company', 'acme')).toEqual({ name: 'Acme', size: 2, founded: 1999 })
    expect(emu.groups()).toEqual({ 'company/acme': { name: 'Acme', size: 2, founded: 1999 } })
  })

  it('$union, $remove and $unset', async () => {
    await groups(update('$union', { tags: ['a', 'b'] }), update('$union', { tags: ['b', 'c'] }))
    await groups(update('$remove', { tags: 'a' }), update('$set', { x: 1, y: 2 }), update('$unset', ['x']))
    expect(emu.group('company', 'acme')).toEqual({ tags: ['b', 'c'], y: 2 })
  })

  it('$delete removes the group profile', async () => {
    await groups(update('$set', { a: 1 }), update('$delete', null))
    expect(emu.group('company', 'acme')).toBeUndefined()
  })

  it('accepts a numeric group id', async () => {
    await groups(update('$set', { a: 1 }, 42))
    expect(emu.group('company', '42')).toEqual({ a: 1 })
  })

  it('refuses $add and $append, which group profiles do not support', async () => {
    expect(await groups(update('$add', { n: 1 }))).toBe('{"error":"$add is not supported on group profiles","status":0}')
    expect(await groups(update('$append', { n: 1 }))).toBe('{"error":"$append is not supported on group profiles","status":0}')
    expect(emu.groups()).toEqual({})
  })

  it('refuses a missing token, group key or group id', async () => {
    expect(await groups({ $group_key: 'c', $group_id: 'g', $set: {} })).toBe('{"error":"$token, missing or empty","status":0}')
    expect(await groups({ $token: 't', $group_id: 'g', $set: {} })).toBe('{"error":"$group_key, missing or empty","status":0}')
    expect(await groups({ $token: 't', $group_key: 'c', $set: {} })).toBe('{"error":"$group_id, missing or empty","status":0}')
    expect((await http(emu.url, '/groups', { json: [{ $token: 't', $set: {} }] })).body).toBe('0')
  })
})
