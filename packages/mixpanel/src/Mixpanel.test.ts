import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { MixpanelException } from '@mp/core'
import { emulatorPerFile } from '@mp/emulator'
import { Mixpanel } from './Mixpanel.ts'
import { CONTRACT_METHODS, sampleCalls } from './test-calls.ts'

const emu = emulatorPerFile({ beforeAll, afterAll, beforeEach }, { port: 0, idMerge: 'original' })

const SECRET = 'promise-secret-value'
const options = () => ({ apiSecret: SECRET, host: emu.url, retry: { limit: 0 } })
const nowSeconds = (): number => Math.floor(Date.now() / 1000)

type AnyMethod = (input: unknown) => Promise<unknown>
const method = (client: object, name: string): AnyMethod => (client as Record<string, AnyMethod>)[name] as AnyMethod

const rejection = async (promise: Promise<unknown>): Promise<MixpanelException> => {
  const caught: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(caught).toBeInstanceOf(MixpanelException)
  return caught as MixpanelException
}

describe('Mixpanel (Promise style)', () => {
  it('has every contract method plus flush, close, size and Symbol.asyncDispose; works with or without new', () => {
    const mp = Mixpanel('tok', options())
    for (const name of [...CONTRACT_METHODS, 'flush', 'close']) expect(typeof method(mp, name), name).toBe('function')
    expect(mp.size).toBe(0)
    expect(typeof mp[Symbol.asyncDispose]).toBe('function')
    const constructed = new Mixpanel('tok', options())
    expect(Object.keys(constructed).sort()).toStrictEqual(Object.keys(mp).sort())
  })

  it('resolves every method with its receipt, each reaching the emulator', async () => {
    const mp = Mixpanel('tok', options())
    for (const { name, input, endpoint } of sampleCalls(nowSeconds())) {
      const before = emu.requests().length
      await expect(method(mp, name)(input), name).resolves.toBeTypeOf('object')
      expect(emu.requests().slice(before).map((r) => r.path), name).toStrictEqual([endpoint])
    }
    await expect(mp.track({ distinctId: 'u1', event: 'e' })).resolves.toMatchObject({ endpoint: '/track', records: 1, attempts: 1 })
  })

  it('rejects with a MixpanelException carrying the tagged error', async () => {
    const mp = Mixpanel('tok', options())
    const invalid = await rejection(mp.track({ distinctId: '', event: 'signup' }))
    expect(invalid.error._tag).toBe('ValidationError')
    expect(invalid.message).toBe(invalid.error.message)

    emu.faults.next(1, { kind: 'status', status: 503 })
    expect((await rejection(mp.peopleSet({ distinctId: 'p', properties: { a: 1 } }))).error._tag).toBe('HttpError')

    emu.faults.next(1, { kind: 'status', status: 429 })
    expect((await rejection(mp.groupSet({ groupKey: 'k', groupId: 'g', properties: { a: 1 } }))).error._tag).toBe('RateLimited')

    const noSecret = Mixpanel('tok', { host: emu.url })
    expect((await rejection(noSecret.importData({ distinctId: 'u', event: 'e', timestamp: nowSeconds() }))).error._tag).toBe('ConfigError')
    expect((await rejection(Mixpanel('', options()).track({ distinctId: 'u', event: 'e' }))).error._tag).toBe('ConfigError')
  })

  it('never throws synchronously, even for hostile options', async () => {
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error('hostile') }, get: () => { throw new Error('hostile') } })
    const mp = Mixpanel('tok', hostile as never)
    expect((await rejection(mp.track({ distinctId: 'u', event: 'e' }))).error._tag).toBe('ConfigError')
    expect((await rejection(Mixpanel('tok', 'nonsense' as never).track({ distinctId: 'u', event: 'e' }))).error._tag).toBe('ConfigError')
    expect((await rejection(mp.track(undefined as never))).error._tag).toBe('ConfigError')
  })

  it('with a queue: methods resolve once held, close flushes and then refuses with QueueClosed', async () => {
    const mp = Mixpanel('tok', { ...options(), queue: true })
    await expect(mp.track({ distinctId: 'u1', event: 'a' })).resolves.toMatchObject({ status: 'held', size: 1 })
    await expect(mp.peopleSet({ distinctId: 'u1', properties: { plan: 'pro' } })).resolves.toMatchObject({ status: 'held', size: 2 })
    expect(emu.requests()).toHaveLength(0)
    await expect(mp.close()).resolves.toMatchObject({ delivered: 2, failed: 0, remaining: 0 })
    expect(emu.events().map((e) => e.event)).toStrictEqual(['a'])
    expect(emu.profile('u1')).toMatchObject({ plan: 'pro' })
    expect((await rejection(mp.track({ distinctId: 'u1', event: 'b' }))).error._tag).toBe('QueueClosed')
  })

  it('flush rejects when a batch failed, keeps those records, and a later flush delivers them', async () => {
    const mp = Mixpanel('tok', { ...options(), queue: true })
    await mp.track({ distinctId: 'u1', event: 'a' })
    emu.faults.next(1, { kind: 'status', status: 502 })
    expect((await rejection(mp.flush())).error).toMatchObject({ _tag: 'HttpError', status: 502 })
    expect(mp.size).toBe(1)
    await expect(mp.flush()).resolves.toMatchObject({ delivered: 1, remaining: 0 })
    expect(emu.events()).toHaveLength(1)
  })

  it('flushes on exit with await using', async () => {
    {
      await using mp = Mixpanel('tok', { ...options(), queue: true })
      await mp.track({ distinctId: 'u1', event: 'scoped' })
      expect(emu.events()).toHaveLength(0)
    }
    expect(emu.events().map((e) => e.event)).toStrictEqual(['scoped'])
  })

  it('without a queue, flush and close resolve at once with an empty report', async () => {
    const mp = Mixpanel('tok', options())
    const empty = { delivered: 0, failed: 0, attempts: 0, remaining: 0, endpoints: {}, failures: [] }
    await expect(mp.flush()).resolves.toStrictEqual(empty)
    await expect(mp.close()).resolves.toStrictEqual(empty)
    await expect(mp[Symbol.asyncDispose]()).resolves.toBeUndefined()
  })
})
