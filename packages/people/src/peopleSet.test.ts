import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { peopleSet } from './peopleSet.ts'
import { accepted, useEmulator } from './test-emulator.ts'

describe('peopleSet (against the emulator)', () => {
  const { emu, config } = useEmulator()

  it('creates the profile, then overwrites present values', async () => {
    await accepted(peopleSet(config())({ distinctId: 'u1', properties: { plan: 'free', seats: 1 } }))
    expect(emu().profile('u1')).toStrictEqual({ plan: 'free', seats: 1 })
    await accepted(peopleSet(config())({ distinctId: 'u1', properties: { plan: 'pro', since: new Date(Date.UTC(2024, 0, 2)) } }))
    expect(emu().profile('u1')).toStrictEqual({ plan: 'pro', seats: 1, since: '2024-01-02T00:00:00' })
  })

  it('sends the builder\'s record to /engage with verbose=1 and ip=0', async () => {
    await accepted(peopleSet(config(), { now: () => 1_000_100 })({ distinctId: 'u1', properties: { plan: 'pro' }, meta: { $ignore_time: true } }))
    const [received] = emu().requests()
    expect(received?.path).toBe('/engage')
    expect(received?.query).toStrictEqual({ verbose: '1', ip: '0' })
    expect(received?.records).toStrictEqual([{ $token: 'tok', $time: 1000.1, $distinct_id: 'u1', $set: { plan: 'pro' }, $ignore_time: true }])
  })

  it('sends nothing for invalid input', async () => {
    const result = await peopleSet(config())({ distinctId: 'null', properties: { plan: 'pro' } })()
    expect(E.isLeft(result) && result.left._tag).toBe('ValidationError')
    expect(emu().requests()).toStrictEqual([])
  })

  it('answers a ConfigError for a bad config, sending nothing', async () => {
    const result = await peopleSet({ token: '' })({ distinctId: 'u1', properties: { plan: 'pro' } })()
    expect(E.isLeft(result) && result.left._tag).toBe('ConfigError')
    expect(emu().requests()).toStrictEqual([])
  })
})
