import { either as E, taskEither as TE } from 'fp-ts'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Config, MixpanelError } from '@mp/core'
import { emulatorPerFile } from '@mp/emulator'
import { createMixpanel } from './createMixpanel.ts'
import { CONTRACT_METHODS, sampleCalls } from './test-calls.ts'

const emu = emulatorPerFile({ beforeAll, afterAll, beforeEach }, { port: 0, idMerge: 'original' })

const SECRET = 'facade-secret-value'
const config = (): Config => ({ token: 'facade-token', apiSecret: SECRET, host: emu.url, retry: { limit: 0 } })
const nowSeconds = (): number => Math.floor(Date.now() / 1000)

type AnyOp = (input: unknown) => TE.TaskEither<MixpanelError, unknown>
const call = (client: object, name: string, input: unknown) => ((client as Record<string, AnyOp>)[name] as AnyOp)(input)()

const endpointsSeen = (): string[] => emu.requests().map((r) => r.path)

/** What the sample calls leave in the emulator, whichever way they were sent. */
const expectState = (): void => {
  const events = emu.events().map((e) => e.event).filter((name) => !name.startsWith('$')).sort()
  expect(events).toStrictEqual(['bulk', 'old-visit', 'signup'])
  expect(emu.identities().map((c) => [...c].sort())).toEqual(
    expect.arrayContaining([
      ['alias-1', 'anon-1'],
      ['m1', 'm2'],
      ['anon-i1', 'i1'],
    ]),
  )
  expect(emu.profile('p1')).toMatchObject({ name: 'Ann', logins: 2, tags: ['b', 'c'], colors: ['red'] })
  expect(emu.profile('p1')).not.toHaveProperty('first')
  expect(emu.profile('p1')?.['$transactions']).toBeUndefined()
  expect(emu.profile('p2')).toMatchObject({ via: 'update' })
  expect(emu.profile('p3')).toBeUndefined()
  expect(emu.group('company', 'acme')).toMatchObject({ plan: 'pro', seats: ['y'], regions: ['eu'] })
  expect(emu.group('company', 'acme')).not.toHaveProperty('since')
  expect(emu.group('company', 'beta')).toMatchObject({ via: 'update' })
  expect(emu.group('company', 'gone')).toBeUndefined()
}

describe('createMixpanel', () => {
  it('exposes every operation of the contract table, and flush/close/size only with a queue', () => {
    const plain = createMixpanel(config())
    expect(Object.keys(plain).sort()).toStrictEqual([...CONTRACT_METHODS].sort())
    const queued = createMixpanel(config(), { queue: true })
    expect(Object.keys(queued).sort()).toStrictEqual([...CONTRACT_METHODS, 'close', 'flush', 'size'].sort())
  })

  it('sends every operation at once without a queue: each answers a receipt and reaches the emulator', async () => {
    const mp = createMixpanel(config())
    for (const { name, input, endpoint } of sampleCalls(nowSeconds())) {
      const before = emu.requests().length
      const result = await call(mp, name, input)
      expect(E.isRight(result), `${name}: ${E.isLeft(result) ? result.left.message : ''}`).toBe(true)
      expect(emu.requests().slice(before).map((r) => r.path), name).toStrictEqual([endpoint])
    }
    expectState()
  })

  it('with a queue, holds every operation but alias and importEvents until flush, then delivers them all', async () => {
    const mp = createMixpanel(config(), { queue: true })
    const calls = sampleCalls(nowSeconds())
    for (const { name, input } of calls) {
      const result = await call(mp, name, input)
      if (E.isLeft(result)) throw new Error(`${name}: ${result.left.message}`)
      if (name === 'alias' || name === 'importEvents') expect(result.right, name).not.toHaveProperty('status')
      else expect(result.right, name).toMatchObject({ status: 'held', records: 1 })
    }
    // Only alias (/track) and importEvents (/import) went out before the flush.
    expect(endpointsSeen().sort()).toStrictEqual(['/import', '/track'])
    expect(mp.size).toBe(calls.length - 2)

    const report = await mp.close()()
    if (E.isLeft(report)) throw new Error(report.left.message)
    expect(report.right).toMatchObject({ delivered: calls.length - 2, failed: 0, remaining: 0 })
    // Batched: one request per endpoint+auth instead of one per call.
    expect(endpointsSeen().slice(2).sort()).toStrictEqual(['/engage', '/groups', '/import', '/track'])
    expectState()
    expect(await mp.track({ distinctId: 'u1', event: 'late' })()).toMatchObject(E.left({ _tag: 'QueueClosed' }))
    expect(await mp.alias({ aliasId: 'a2', original: 'o2' })()).toMatchObject(E.left({ _tag: 'QueueClosed' }))
  })

  it('passes queue options through and builds with the given env', async () => {
    const mp = createMixpanel(config(), { queue: { maxQueued: 1 }, env: { insertId: () => 'fixed-id', now: () => Date.now() } })
    expect(await mp.track({ distinctId: 'u1', event: 'a' })()).toMatchObject(E.right({ status: 'held' }))
    expect(await mp.track({ distinctId: 'u1', event: 'b' })()).toMatchObject(E.left({ _tag: 'QueueFull', maxQueued: 1 }))
    await mp.flush()()
    expect(emu.events().map((e) => e.properties['$insert_id'])).toStrictEqual(['fixed-id'])
  })

  it('answers a ValidationError for bad input and holds nothing', async () => {
    const mp = createMixpanel(config(), { queue: true })
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error('hostile') } })
    for (const input of [null, { distinctId: '', event: 'x' }, hostile]) {
      expect(await mp.track(input as never)(), String(input)).toMatchObject(E.left({ _tag: 'ValidationError' }))
    }
    expect(await mp.alias(hostile as never)()).toMatchObject(E.left({ _tag: 'ValidationError' }))
    expect(mp.size).toBe(0)
  })

  it('answers the same ConfigError from every operation when the config or options are unusable', async () => {
    for (const [cfg, options] of [
      [{ token: '' }, undefined],
      [{ token: '' }, { queue: true }],
      [config(), { queue: 'yes' }],
      [config(), { queue: { flushAt: -1 } }],
    ] as const) {
      const mp = createMixpanel(cfg as Config, options as never)
      for (const { name, input } of sampleCalls(nowSeconds())) {
        expect(await call(mp, name, input), name).toMatchObject(E.left({ _tag: 'ConfigError' }))
      }
    }
    expect(emu.requests()).toHaveLength(0)
  })

  it('answers a ConfigError for /import operations without credentials, and never leaks the secret', async () => {
    const mp = createMixpanel({ token: 't', host: emu.url }, { queue: true })
    expect(await mp.importData({ distinctId: 'u', event: 'e', timestamp: nowSeconds() })()).toMatchObject(E.left({ _tag: 'ConfigError' }))
    expect(await mp.merge({ distinctId1: 'a', distinctId2: 'b' })()).toMatchObject(E.left({ _tag: 'ConfigError' }))
    emu.faults.next(1, { kind: 'status', status: 401 })
    const withSecret = createMixpanel(config())
    const denied = await withSecret.importData({ distinctId: 'u', event: 'e', timestamp: nowSeconds() })()
    expect(E.isLeft(denied)).toBe(true)
    expect(JSON.stringify(denied)).not.toContain(SECRET)
  })
})
