import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { groupSet } from './groupSet.ts'
import { accepted, useEmulator } from './test-emulator.ts'

describe('groupSet (against the emulator)', () => {
  const { emu, config } = useEmulator()

  it('creates the group profile, then overwrites present values', async () => {
    await accepted(groupSet(config())({ groupKey: 'company', groupId: 'acme', properties: { plan: 'free', seats: 10 } }))
    expect(emu().group('company', 'acme')).toStrictEqual({ plan: 'free', seats: 10 })
    await accepted(groupSet(config())({ groupKey: 'company', groupId: 'acme', properties: { plan: 'enterprise' } }))
    expect(emu().group('company', 'acme')).toStrictEqual({ plan: 'enterprise', seats: 10 })
  })

  it('sends the builder\'s record to /groups with verbose=1 and ip=0', async () => {
    await accepted(groupSet(config(), { now: () => 1_000_100 })({ groupKey: 'company', groupId: 'acme', properties: { plan: 'pro' }, meta: { $ip: '0' } }))
    const [received] = emu().requests()
    expect(received?.path).toBe('/groups')
    expect(received?.query).toStrictEqual({ verbose: '1', ip: '0' })
    expect(received?.records).toStrictEqual([{ $token: 'tok', $time: 1000.1, $group_key: 'company', $group_id: 'acme', $set: { plan: 'pro' }, $ip: '0' }])
  })

  it('sends nothing for invalid input', async () => {
    const result = await groupSet(config())({ groupKey: '', groupId: 'acme', properties: { plan: 'pro' } })()
    expect(E.isLeft(result) && result.left._tag).toBe('ValidationError')
    expect(emu().requests()).toStrictEqual([])
  })
})
