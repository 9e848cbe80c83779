import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { toProfileUpdate, type ProfileTarget } from './toProfileUpdate.ts'

const env = { now: () => 1_000_100 }
const profiles = (operation: string, idColumn?: string): ProfileTarget => ({ kind: 'profiles', operation, token: 't', idColumn, groupKey: undefined })
const groups = (operation: string): ProfileTarget => ({ kind: 'groups', operation, token: 't', idColumn: undefined, groupKey: 'company_id' })
const record = (result: E.Either<unknown, { record: unknown }>) => (E.isRight(result) ? result.right.record : result.left)

describe('toProfileUpdate', () => {
  it('builds a $set from the id column and the other columns, modifiers at the top level', () => {
    const update = toProfileUpdate(profiles('set'), env)({ $distinct_id: 'u1', plan: 'pro', seats: 3, $ip: '0', $ignore_time: true })
    expect(update).toEqual(
      E.right({
        record: { $token: 't', $time: 1000.1, $distinct_id: 'u1', $set: { plan: 'pro', seats: 3 }, $ip: '0', $ignore_time: true },
        bytes: expect.any(Number),
      }),
    )
    if (E.isRight(update)) expect(update.right.bytes).toBe(Buffer.byteLength(JSON.stringify(update.right.record)))
  })

  it('finds the id in distinct_id or the --id-column, and turns numeric ids into text', () => {
    expect(record(toProfileUpdate(profiles('set'), env)({ distinct_id: 42, plan: 'pro' }))).toMatchObject({ $distinct_id: '42', $set: { plan: 'pro' } })
    expect(record(toProfileUpdate(profiles('set_once', 'email'), env)({ email: 'a@b.c', distinct_id: 'x' }))).toMatchObject({
      $distinct_id: 'a@b.c',
      $set_once: { distinct_id: 'x' },
    })
  })

  it('reads records in Mixpanel export format ($properties)', () => {
    expect(record(toProfileUpdate(profiles('set'), env)({ $distinct_id: 'u1', $properties: { $name: 'Ada' } }))).toMatchObject({ $set: { $name: 'Ada' } })
  })

  it('maps every operation to its builder: unset takes names, delete nothing, add numbers', () => {
    const build = (operation: string, input: unknown) => record(toProfileUpdate(profiles(operation), env)(input))
    expect(build('unset', { $distinct_id: 'u1', a: '', b: 1 })).toMatchObject({ $unset: ['a', 'b'] })
    expect(build('delete', { $distinct_id: 'u1', a: 1 })).toMatchObject({ $delete: '' })
    expect(build('add', { $distinct_id: 'u1', logins: 2 })).toMatchObject({ $add: { logins: 2 } })
    expect(build('add', { $distinct_id: 'u1', logins: 'two' })).toMatchObject({ _tag: 'ValidationError' })
    expect(build('union', { $distinct_id: 'u1', tags: ['a'] })).toMatchObject({ $union: { tags: ['a'] } })
  })

  it('builds group updates for --group-key, with $group_id or group_id as the id', () => {
    expect(record(toProfileUpdate(groups('set'), env)({ $group_id: 'acme', plan: 'enterprise' }))).toEqual({
      $token: 't',
      $time: 1000.1,
      $group_key: 'company_id',
      $group_id: 'acme',
      $set: { plan: 'enterprise' },
    })
    expect(record(toProfileUpdate(groups('unset'), env)({ group_id: 7, $group_key: 'company_id', old: 1 }))).toMatchObject({ $group_id: '7', $unset: ['old'] })
    expect(record(toProfileUpdate(groups('set'), env)({ $group_id: 'acme', $group_key: 'team_id' }))).toMatchObject({
      _tag: 'ValidationError',
      path: '$group_key',
    })
  })

  it('refuses what is not a profile, a missing id, a placeholder id and an update over 1 MB', () => {
    const set = toProfileUpdate(profiles('set'), env)
    expect(record(set([1, 2]))).toMatchObject({ _tag: 'ValidationError', path: 'record' })
    expect(record(set({ plan: 'pro' }))).toMatchObject({ _tag: 'ValidationError', path: 'distinct_id', message: expect.stringContaining('--id-column') })
    expect(record(set({ $distinct_id: 'undefined', plan: 'pro' }))).toMatchObject({ _tag: 'ValidationError' })
    expect(record(set({ $distinct_id: 'u1', blob: 'x'.repeat(1_000_001) }))).toMatchObject({ _tag: 'ValidationError', message: expect.stringContaining('up to 1 MB') })
    expect(record(toProfileUpdate(groups('append'))({ $group_id: 'a' }))).toMatchObject({ _tag: 'ValidationError', path: 'operation' })
  })
})
