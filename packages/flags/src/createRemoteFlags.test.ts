import { afterEach, describe, expect, it } from 'vitest'
import { either as E, taskEither as TE } from 'fp-ts'
import type { MixpanelError } from '@mp/core'
import type { Emulator } from '@mp/emulator'
import { createRemoteFlags, type RemoteFlagsOptions } from './createRemoteFlags.ts'
import { naiveLocalIso } from './naiveLocalIso.ts'
import { createTestFlag } from './test-flags.ts'
import { deferred, exposures, flagRequests, startFlagsEmulator, TOKEN } from './test-emulator.ts'
import type { ExposureEvent, FlagsOperation } from './types.ts'

const USER = { distinct_id: 'user123' }
let emu: Emulator | undefined

afterEach(async () => {
  await emu?.stop()
  emu = undefined
})

const remote = async (definitions: ReadonlyArray<unknown>, options: RemoteFlagsOptions = {}) => {
  emu = await startFlagsEmulator(definitions)
  return { emu, flags: createRemoteFlags({ token: TOKEN, host: emu.url }, options) }
}

const capture = () => {
  const sent: ExposureEvent[] = []
  const track = (event: ExposureEvent) => {
    sent.push(event)
    return TE.right(1)
  }
  return { sent, track }
}

const treatment = createTestFlag({ variants: [{ key: 'treatment', value: 'treatment', is_control: false, split: 1 }] })

describe('createRemoteFlags: the reference test cases (mixpanel-python §8, remote)', () => {
  it('is the fallback, with BACKEND_ERROR, if the call fails', async () => {
    const { emu, flags } = await remote([treatment])
    emu.faults.next(1, { kind: 'reset', when: 'before' })
    const variant = await flags.getVariant('test_flag', { variantValue: 'control' }, USER)()
    expect(variant).toMatchObject({ variantKey: null, variantValue: 'control', source: 'fallback', fallbackReason: { kind: 'BACKEND_ERROR' } })
    expect(variant.fallbackReason?.message).toEqual(expect.any(String))
    expect(variant.fallbackReason?.message).not.toContain(TOKEN)
    expect(variant.fallbackReason?.message).not.toContain('127.0.0.1')
  })

  it('is the fallback if the answer is not JSON', async () => {
    const { emu, flags } = await remote([treatment])
    emu.faults.next(1, { kind: 'status', status: 200, body: 'invalid json' })
    expect(await flags.getVariantValue('test_flag', 'control', USER)()).toBe('control')
  })

  it('is the fallback, with FLAG_NOT_FOUND, if the answer lacks the flag', async () => {
    const { flags } = await remote([])
    const variant = await flags.getVariant('test_flag', { variantKey: 'off', variantValue: 'control' }, USER)()
    expect(variant).toMatchObject({ variantKey: 'off', variantValue: 'control', source: 'fallback', fallbackReason: { kind: 'FLAG_NOT_FOUND' } })
  })

  it('returns the variant the API answers, tagged remote', async () => {
    const { flags } = await remote([treatment])
    expect(await flags.getVariantValue('test_flag', 'control', USER)()).toBe('treatment')
    expect(await flags.getVariant('test_flag', {}, USER)()).toEqual({ variantKey: 'treatment', variantValue: 'treatment', source: 'remote' })
  })

  it('tracks an exposure when a variant is selected; it reaches the emulator with the fetch timings', async () => {
    // The clock also stamps the tracked event, so it starts near the emulator's real time.
    const base = Math.floor(Date.now() / 1000) * 1000 + 120
    let clock = base
    const { emu, flags } = await remote([treatment], { env: { now: () => (clock += 25) } })
    await flags.getVariantValue('test_flag', 'control', USER)()
    await flags.flush()()
    const [event, ...rest] = exposures(emu)
    expect(rest).toEqual([])
    expect(event?.distinctId).toBe('user123')
    const started = base + 25
    expect(event?.properties).toMatchObject({
      'Experiment name': 'test_flag',
      'Variant name': 'treatment',
      $experiment_type: 'feature_flag',
      'Flag evaluation mode': 'remote',
      'Variant fetch start time': naiveLocalIso(started),
      'Variant fetch complete time': naiveLocalIso(started + 25),
      'Variant fetch latency (ms)': 25,
    })
    expect(event?.properties).not.toHaveProperty('$experiment_id')
    expect(event?.properties).not.toHaveProperty('$is_qa_tester')
  })

  it('does not track an exposure on a fallback, without a distinct_id, or when told not to', async () => {
    const { sent, track } = capture()
    const { emu, flags } = await remote([treatment], { track })
    emu.faults.next(1, { kind: 'status', status: 500 })
    await flags.getVariantValue('test_flag', 'control', USER)()
    await flags.getVariantValue('missing', 'control', USER)()
    await flags.getVariant('test_flag', {}, USER, false)()
    await flags.flush()()
    expect(sent).toEqual([])
  })

  it('isEnabled is true only for the value true', async () => {
    const { flags } = await remote([
      createTestFlag({ flagKey: 'enabled', variants: [{ key: 'enabled', value: true, split: 1 }] }),
      createTestFlag({ flagKey: 'disabled', variants: [{ key: 'disabled', value: false, split: 1 }] }),
    ])
    expect(await flags.isEnabled('enabled', USER)()).toBe(true)
    expect(await flags.isEnabled('disabled', USER)()).toBe(false)
    expect(await flags.isEnabled('absent', USER)()).toBe(false)
  })
})

describe('createRemoteFlags: requests, errors and getAllVariants', () => {
  it('sends the context as JSON and flag_key for a single flag, with token Basic auth', async () => {
    const { emu, flags } = await remote([treatment])
    const context = { distinct_id: 'user123', custom_properties: { plan: 'pro', since: new Date(Date.UTC(2024, 0, 2)) } }
    await flags.getVariant('test_flag', {}, context, false)()
    await flags.getAllVariants(USER)()
    const [single, all] = flagRequests(emu, '/flags')
    expect(JSON.parse(single?.query['context'] ?? '')).toEqual({ distinct_id: 'user123', custom_properties: { plan: 'pro', since: '2024-01-02T00:00:00' } })
    expect(single?.query).toMatchObject({ flag_key: 'test_flag', token: TOKEN, mp_lib: 'mp-ts' })
    expect(single?.headers['authorization']).toBe(`Basic ${Buffer.from(`${TOKEN}:`).toString('base64')}`)
    expect(all?.query).not.toHaveProperty('flag_key')
  })

  it('evaluates remotely with the same rules as locally (runtime rules via the emulator)', async () => {
    const { flags } = await remote([createTestFlag({ runtimeEvaluationRule: { '==': [{ var: 'plan' }, 'Premium'] } })])
    expect(await flags.getVariantValue('test_flag', 'fallback', { distinct_id: 'u', custom_properties: { plan: 'PREMIUM' } })()).not.toBe('fallback')
    expect(await flags.getVariantValue('test_flag', 'fallback', { distinct_id: 'u', custom_properties: { plan: 'free' } })()).toBe('fallback')
  })

  it('words backend errors as mixpanel-python does: HTTP <status>: <body>', async () => {
    const { flags } = await remote([treatment])
    const variant = await flags.getVariant('test_flag', { variantValue: 'control' }, { plan: 'no distinct id' })()
    expect(variant.fallbackReason).toEqual({
      kind: 'BACKEND_ERROR',
      message: 'HTTP 400: {"error":"distinct_id must be provided in evalContext as a string","status":"error"}',
    })
  })

  it('keeps the token out of the message even when the backend echoes it', async () => {
    const { emu, flags } = await remote([treatment])
    emu.faults.next(1, { kind: 'status', status: 500, body: `token ${TOKEN} is unknown` })
    const variant = await flags.getVariant('test_flag', { variantValue: 'control' }, USER)()
    expect(variant.fallbackReason?.kind).toBe('BACKEND_ERROR')
    expect(variant.fallbackReason?.message).toMatch(/^HTTP 500/)
    expect(JSON.stringify(variant)).not.toContain(TOKEN)
  })

  it('refuses a context that is not JSON without sending anything', async () => {
    const { emu, flags } = await remote([treatment])
    const variant = await flags.getVariant('test_flag', { variantValue: 'control' }, { distinct_id: 'u', custom_properties: { score: Number.NaN } })()
    expect(variant.fallbackReason?.kind).toBe('BACKEND_ERROR')
    expect(variant.fallbackReason?.message).toContain('context.custom_properties.score')
    expect(flagRequests(emu, '/flags')).toEqual([])
  })

  it('getAllVariants answers Right(record) without exposures, Left(error) on failure', async () => {
    const { sent, track } = capture()
    const { emu, flags } = await remote([createTestFlag({ flagKey: 'flag1' }), createTestFlag({ flagKey: 'flag2', rolloutPercentage: 0 })], { track })
    const all = await flags.getAllVariants(USER)()
    expect(E.isRight(all) && Object.keys(all.right)).toEqual(['flag1'])
    emu.faults.next(1, { kind: 'status', status: 503 })
    const failed = await flags.getAllVariants(USER)()
    expect(failed).toMatchObject({ _tag: 'Left', left: { _tag: 'HttpError', status: 503 } })
    await flags.flush()()
    expect(sent).toEqual([])
  })

  it('routes exposures through options.track, and reports its failures to onError', async () => {
    const failure = deferred<[MixpanelError, FlagsOperation]>()
    const { flags } = await remote([treatment], {
      track: () => TE.left({ _tag: 'QueueClosed', message: 'The queue is closed and takes no new records' }),
      onError: (error, operation) => failure.resolve([error, operation]),
    })
    expect(await flags.getVariantValue('test_flag', 'control', USER)()).toBe('treatment')
    expect(await failure.promise).toEqual([{ _tag: 'QueueClosed', message: 'The queue is closed and takes no new records' }, 'exposure'])
  })

  it('trackExposure sends only the four basic keys', async () => {
    const { sent, track } = capture()
    const { flags } = await remote([], { track })
    await flags.trackExposure('test_flag', { variantKey: 'on', variantValue: true, source: 'remote' }, USER)()
    expect(sent).toEqual([
      {
        distinctId: 'user123',
        event: '$experiment_started',
        properties: { 'Experiment name': 'test_flag', 'Variant name': 'on', $experiment_type: 'feature_flag', 'Flag evaluation mode': 'remote' },
      },
    ])
  })

  it('never rejects, whatever it is given', async () => {
    const { flags } = await remote([treatment], { env: { now: () => { throw new Error('clock broke') } } })
    const hostile = new Proxy({}, { get: () => { throw new Error('boom') }, ownKeys: () => { throw new Error('boom') } })
    expect((await flags.getVariant('test_flag', { variantValue: 1 }, USER)()).fallbackReason?.kind).toBe('BACKEND_ERROR')
    expect((await flags.getVariant(hostile as never, hostile as never, hostile as never)()).source).toBe('fallback')
    expect((await flags.getVariant('test_flag', {}, hostile as never)()).source).toBe('fallback')
    expect(E.isLeft(await flags.getAllVariants(null as never)())).toBe(true)
    expect(await flags.isEnabled('test_flag', 42 as never)()).toBe(false)
  })
})
