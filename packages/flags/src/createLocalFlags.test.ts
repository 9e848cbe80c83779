import { afterEach, describe, expect, it, vi } from 'vitest'
import { either as E, taskEither as TE } from 'fp-ts'
import { serviceAccount, type MixpanelError } from '@mp/core'
import type { Emulator } from '@mp/emulator'
import { createLocalFlags, type LocalFlagsOptions } from './createLocalFlags.ts'
import { createTestFlag } from './test-flags.ts'
import { deferred, exposures, flagRequests, startFlagsEmulator, TOKEN } from './test-emulator.ts'
import type { ExposureEvent, FlagsOperation } from './types.ts'

const USER = { distinct_id: 'user123' }
let emu: Emulator | undefined

afterEach(async () => {
  vi.restoreAllMocks()
  await emu?.stop()
  emu = undefined
})

/** Starts an emulator serving `definitions` and a non-polling provider against it, loaded. */
const loaded = async (definitions: ReadonlyArray<unknown>, options: LocalFlagsOptions = {}) => {
  emu = await startFlagsEmulator(definitions)
  const flags = createLocalFlags({ token: TOKEN, host: emu.url }, { enablePolling: false, ...options })
  const first = await flags.start()()
  return { emu, flags, first }
}

/** An exposure tracker that records what it is given. */
const capture = () => {
  const sent: ExposureEvent[] = []
  const track = (event: ExposureEvent) => {
    sent.push(event)
    return TE.right(1)
  }
  return { sent, track }
}

describe('createLocalFlags: the reference test cases (mixpanel-python §8, local)', () => {
  it('returns the fallback when there are no flag definitions', async () => {
    const { flags, first } = await loaded([])
    expect(first).toEqual(E.right([]))
    expect(flags.getVariantValue('nonexistent_flag', 'control', USER)).toBe('control')
    expect(flags.getVariant('nonexistent_flag', { variantValue: 'control' }, USER)).toEqual({
      variantKey: null,
      variantValue: 'control',
      source: 'fallback',
      fallbackReason: { kind: 'FLAG_NOT_FOUND', message: 'no definition for flag "nonexistent_flag"' },
    })
  })

  it('returns the fallback, and reports the error, when the definitions call fails', async () => {
    emu = await startFlagsEmulator([createTestFlag()])
    emu.faults.next(1, { kind: 'status', status: 500 })
    const errors: Array<[MixpanelError, FlagsOperation]> = []
    const flags = createLocalFlags({ token: TOKEN, host: emu.url }, { enablePolling: false, onError: (e, op) => errors.push([e, op]) })
    const first = await flags.start()()
    expect(E.isLeft(first)).toBe(true)
    expect(flags.ready()).toBe(false)
    expect(flags.getVariantValue('test_flag', 'control', USER)).toBe('control')
    expect(errors).toHaveLength(1)
    expect(errors[0]?.[1]).toBe('refresh')
    expect(errors[0]?.[0].message).not.toContain(TOKEN)
  })

  it('returns the fallback when the flag does not exist', async () => {
    const { flags } = await loaded([createTestFlag({ flagKey: 'other_flag' })])
    expect(flags.getVariantValue('nonexistent_flag', 'control', USER)).toBe('control')
  })

  it('returns the fallback when the context is empty, or lacks the flag context key', async () => {
    const { flags } = await loaded([createTestFlag(), createTestFlag({ flagKey: 'by_user', context: 'user_id' })])
    expect(flags.getVariantValue('test_flag', 'fallback', {})).toBe('fallback')
    expect(flags.getVariant('by_user', { variantValue: 'fallback' }, USER).fallbackReason).toEqual({ kind: 'MISSING_CONTEXT_KEY', message: 'user_id' })
  })

  it('returns the test user variant, and falls through for an unknown one', async () => {
    const variants = [
      { key: 'control', value: 'false', is_control: true, split: 50.0 },
      { key: 'treatment', value: 'true', is_control: false, split: 50.0 },
    ]
    const { flags } = await loaded([
      createTestFlag({ variants, testUsers: { test_user: 'treatment' } }),
      createTestFlag({ flagKey: 'unknown_variant', variants, testUsers: { test_user: 'nonexistent_variant' } }),
    ])
    expect(flags.getVariantValue('test_flag', 'control', { distinct_id: 'test_user' })).toBe('true')
    expect(flags.getVariantValue('unknown_variant', 'fallback', { distinct_id: 'test_user' })).toBe('false')
  })

  it('honours the rollout percentage (0 → fallback, 100 → a variant)', async () => {
    const { flags } = await loaded([createTestFlag({ flagKey: 'none', rolloutPercentage: 0 }), createTestFlag({ flagKey: 'all' })])
    expect(flags.getVariant('none', { variantValue: 'fallback' }, USER)).toMatchObject({ variantValue: 'fallback', fallbackReason: { kind: 'NO_ROLLOUT_MATCH' } })
    expect(['control', 'treatment']).toContain(flags.getVariantValue('all', 'fallback', USER))
  })

  it('respects the runtime evaluation (legacy and JSON-logic)', async () => {
    const { flags } = await loaded([
      createTestFlag({ flagKey: 'legacy', legacyRuntimeRule: { plan: 'premium', region: 'US' } }),
      createTestFlag({ flagKey: 'rule', runtimeEvaluationRule: { '==': [{ var: 'plan' }, 'Premium'] } }),
    ])
    const premium = { distinct_id: 'user123', custom_properties: { plan: 'premium', region: 'US' } }
    const basic = { distinct_id: 'user123', custom_properties: { plan: 'basic', region: 'US' } }
    expect(flags.getVariantValue('legacy', 'fallback', premium)).not.toBe('fallback')
    expect(flags.getVariantValue('legacy', 'fallback', basic)).toBe('fallback')
    expect(flags.getVariantValue('rule', 'fallback', premium)).not.toBe('fallback')
    expect(flags.getVariantValue('rule', 'fallback', basic)).toBe('fallback')
  })

  it('picks variants by split, migrated splits and override', async () => {
    const variants = [
      { key: 'A', value: 'variant_a', is_control: false, split: 100.0 },
      { key: 'B', value: 'variant_b', is_control: false, split: 0.0 },
      { key: 'C', value: 'variant_c', is_control: false, split: 0.0 },
    ]
    const { flags } = await loaded([
      createTestFlag({ flagKey: 'split', variants }),
      createTestFlag({ flagKey: 'half', variants, variantSplits: { A: 0.0, B: 100.0, C: 0.0 } }),
      createTestFlag({ flagKey: 'override', variants, variantOverride: { key: 'B' } }),
    ])
    expect(flags.getVariantValue('split', 'fallback', USER)).toBe('variant_a')
    expect(flags.getVariantValue('half', 'fallback', USER)).toBe('variant_b')
    expect(flags.getVariantValue('override', 'control', USER)).toBe('variant_b')
  })

  it('tracks an exposure when a variant is selected, and it reaches the emulator as a tracked event', async () => {
    const { emu, flags } = await loaded([createTestFlag({ experimentId: 'exp-123', isExperimentActive: true })])
    const variant = flags.getVariant('test_flag', { variantValue: 'fallback' }, USER)
    await flags.flush()()
    const [event, ...rest] = exposures(emu)
    expect(rest).toEqual([])
    expect(event?.endpoint).toBe('/track')
    expect(event?.distinctId).toBe('user123')
    expect(event?.properties).toMatchObject({
      'Experiment name': 'test_flag',
      'Variant name': variant.variantKey,
      $experiment_type: 'feature_flag',
      'Flag evaluation mode': 'local',
      $experiment_id: 'exp-123',
      $is_experiment_active: true,
      $is_qa_tester: null,
      token: TOKEN,
    })
    expect(typeof event?.properties['Variant fetch latency (ms)']).toBe('number')
    expect(event?.properties['Variant fetch latency (ms)']).toBeGreaterThanOrEqual(0)
  })

  it.each([
    ['exp-123', true, true],
    ['exp-456', false, true],
    ['exp-789', true, false],
    ['exp-000', false, false],
    [null, null, true],
    [null, null, false],
  ])('sends $experiment_id %j, $is_experiment_active %j for a QA user: %j', async (experimentId, isExperimentActive, qa) => {
    const { sent, track } = capture()
    const { flags } = await loaded([createTestFlag({ experimentId, isExperimentActive, testUsers: { qa_user: 'treatment' } })], { track })
    flags.getVariantValue('test_flag', 'fallback', { distinct_id: qa ? 'qa_user' : 'regular_user' })
    await flags.flush()()
    expect(sent).toHaveLength(1)
    expect(sent[0]?.properties['$experiment_id']).toBe(experimentId)
    expect(sent[0]?.properties['$is_experiment_active']).toBe(isExperimentActive)
    expect(sent[0]?.properties['$is_qa_tester']).toBe(qa ? true : null)
  })

  it('does not track an exposure on a fallback, without a distinct_id, or when told not to', async () => {
    const { sent, track } = capture()
    const { flags } = await loaded([createTestFlag(), createTestFlag({ flagKey: 'company_flag', context: 'company_id' })], { track })
    flags.getVariantValue('nonexistent_flag', 'fallback', USER)
    flags.getVariantValue('test_flag', 'fallback', {})
    expect(flags.getVariantValue('company_flag', 'fallback', { company_id: 'company123' })).not.toBe('fallback')
    flags.getVariant('test_flag', { variantValue: 'fallback' }, USER, false)
    await flags.flush()()
    expect(sent).toEqual([])
  })

  it('is ready once definitions, even an empty list, have loaded', async () => {
    const { flags } = await loaded([])
    expect(flags.ready()).toBe(true)
  })

  it('isEnabled is strictly `=== true`', async () => {
    const { flags } = await loaded([
      createTestFlag({ flagKey: 'on', variants: [{ key: 'treatment', value: true, is_control: false, split: 100.0 }] }),
      createTestFlag({ flagKey: 'truthy', variants: [{ key: 'treatment', value: 'true', is_control: false, split: 100.0 }] }),
    ])
    expect(flags.isEnabled('nonexistent_flag', USER)).toBe(false)
    expect(flags.isEnabled('on', USER)).toBe(true)
    expect(flags.isEnabled('truthy', USER)).toBe(false)
  })

  it('getAllVariants answers every flag the user is in, and tracks nothing', async () => {
    const { sent, track } = capture()
    const { flags } = await loaded(
      [createTestFlag({ flagKey: 'flag1' }), createTestFlag({ flagKey: 'flag2' }), createTestFlag({ flagKey: 'flag3', rolloutPercentage: 0 })],
      { track },
    )
    const all = flags.getAllVariants(USER)
    expect(Object.keys(all).sort()).toEqual(['flag1', 'flag2'])
    expect(all['flag1']?.source).toBe('local')
    await flags.flush()()
    expect(sent).toEqual([])
  })

  it('getAllVariants answers {} when no flags are configured', async () => {
    const { flags } = await loaded([])
    expect(flags.getAllVariants(USER)).toEqual({})
  })

  it('trackExposure sends a manual exposure without the latency key', async () => {
    const { sent, track } = capture()
    const { flags } = await loaded([createTestFlag()], { track })
    const result = await flags.trackExposure('test_flag', { variantKey: 'treatment', variantValue: 'treatment', source: 'local' }, USER)()
    expect(E.isRight(result)).toBe(true)
    expect(sent[0]?.properties).toEqual({
      'Experiment name': 'test_flag',
      'Variant name': 'treatment',
      $experiment_type: 'feature_flag',
      'Flag evaluation mode': 'local',
      $experiment_id: null,
      $is_experiment_active: null,
      $is_qa_tester: null,
    })
    const refused = await flags.trackExposure('test_flag', { variantKey: 'x', variantValue: 1, source: 'local' }, {})()
    expect(refused).toMatchObject({ _tag: 'Left', left: { _tag: 'ValidationError', path: 'context.distinct_id' } })
  })
})

describe('createLocalFlags: fetching, polling and failures', () => {
  it('authenticates with the token and sends the library query parameters', async () => {
    const { emu } = await loaded([])
    const [request] = flagRequests(emu, '/flags/definitions')
    expect(request?.method).toBe('GET')
    expect(request?.headers['authorization']).toBe(`Basic ${Buffer.from(`${TOKEN}:`).toString('base64')}`)
    expect(request?.query).toMatchObject({ token: TOKEN, mp_lib: 'mp-ts', lib_version: expect.any(String) })
  })

  it('authenticates with a service account and adds project_id (the token stays in the query)', async () => {
    emu = await startFlagsEmulator([createTestFlag()], {
      credentials: { serviceAccount: { username: 'robot', secret: 'sa-secret', projectId: '123456' } },
    })
    const sa = serviceAccount('robot', 'sa-secret', '123456')
    if (E.isLeft(sa)) throw new Error('bad test fixture')
    const flags = createLocalFlags({ token: TOKEN, host: emu.url, serviceAccount: sa.right }, { enablePolling: false })
    expect(E.isRight(await flags.start()())).toBe(true)
    const [request] = flagRequests(emu, '/flags/definitions')
    expect(request?.headers['authorization']).toBe(`Basic ${Buffer.from('robot:sa-secret').toString('base64')}`)
    expect(request?.query).toMatchObject({ project_id: '123456', token: TOKEN })
  })

  it('uses the most recently polled definitions', async () => {
    emu = await startFlagsEmulator([createTestFlag({ rolloutPercentage: 0 })])
    const second = deferred<ReadonlyArray<string>>()
    let updates = 0
    const flags = createLocalFlags(
      { token: TOKEN, host: emu.url },
      { pollingIntervalMs: 5, onUpdate: (keys) => (++updates === 2 ? second.resolve(keys) : undefined) },
    )
    await flags.start()()
    expect(flags.getVariantValue('test_flag', 'fallback', USER)).toBe('fallback')
    emu.setFlagDefinitions([createTestFlag({ rolloutPercentage: 100 })])
    await second.promise
    flags.stop()
    expect(flags.getVariantValue('test_flag', 'fallback', USER)).not.toBe('fallback')
  })

  it('keeps the previous definitions when a polled refresh fails, and reports it', async () => {
    emu = await startFlagsEmulator([createTestFlag()])
    const failure = deferred<MixpanelError>()
    const flags = createLocalFlags(
      { token: TOKEN, host: emu.url },
      { pollingIntervalMs: 5, onError: (error, operation) => (operation === 'refresh' ? failure.resolve(error) : undefined) },
    )
    expect(E.isRight(await flags.start()())).toBe(true)
    emu.setFlagDefinitions([])
    emu.faults.next(1, { kind: 'status', status: 500 }, { path: '/flags/definitions' })
    const error = await failure.promise
    flags.stop()
    expect(error).toMatchObject({ _tag: 'HttpError', status: 500 })
    expect(error.message).not.toContain(TOKEN)
    // The failed poll changed nothing: the flag is still there although the emulator now serves none.
    expect(flags.getVariantValue('test_flag', 'fallback', USER)).not.toBe('fallback')
    expect(flags.ready()).toBe(true)
  })

  it('skips and reports a malformed definition, and loads the others', async () => {
    const errors: Array<[MixpanelError, FlagsOperation]> = []
    const { flags, first } = await loaded([{ key: 'broken', context: 'distinct_id' }, createTestFlag()], {
      onError: (e, op) => errors.push([e, op]),
    })
    expect(first).toEqual(E.right(['test_flag']))
    expect(flags.getVariantValue('test_flag', 'fallback', USER)).not.toBe('fallback')
    expect(errors).toEqual([[{ _tag: 'ValidationError', path: 'flags[0].ruleset', message: 'Invalid flags[0].ruleset: is missing' }, 'definition']])
  })

  it('keeps the previous definitions when the answer is not {"flags": [...]}', async () => {
    const { emu, flags } = await loaded([createTestFlag()])
    emu.faults.next(1, { kind: 'status', status: 200, body: '{"unexpected": true}' })
    const result = await flags.refresh()()
    expect(result).toMatchObject({ _tag: 'Left', left: { _tag: 'DecodeError' } })
    expect(flags.getVariantValue('test_flag', 'fallback', USER)).not.toBe('fallback')
  })

  it('polls with unref-ed timers that stop() clears', async () => {
    const timeouts = vi.spyOn(globalThis, 'setTimeout')
    const clears = vi.spyOn(globalThis, 'clearTimeout')
    const { emu } = await loaded([])
    const flags = createLocalFlags({ token: TOKEN, host: emu.url }, { pollingIntervalMs: 3_600_000 })
    timeouts.mockClear()
    await flags.start()()
    const pollTimer = timeouts.mock.results.find((_, i) => timeouts.mock.calls[i]?.[1] === 3_600_000)?.value as NodeJS.Timeout | undefined
    expect(pollTimer).toBeDefined()
    expect(pollTimer?.hasRef()).toBe(false)
    flags.stop()
    expect(clears).toHaveBeenCalledWith(pollTimer)
  })

  it('starts one polling loop however often start() is called', async () => {
    const timeouts = vi.spyOn(globalThis, 'setTimeout')
    const { emu } = await loaded([])
    const flags = createLocalFlags({ token: TOKEN, host: emu.url }, { pollingIntervalMs: 3_600_000 })
    await flags.start()()
    await flags.start()()
    flags.stop()
    expect(timeouts.mock.calls.filter((call) => call[1] === 3_600_000)).toHaveLength(1)
    expect(flagRequests(emu, '/flags/definitions')).toHaveLength(3)
  })

  it('reports an invalid polling interval and a bad config instead of throwing', async () => {
    const errors: MixpanelError[] = []
    const flags = createLocalFlags({ token: '' }, { pollingIntervalMs: -1, enablePolling: false, onError: (e) => errors.push(e) })
    const result = await flags.start()()
    expect(result).toMatchObject({ _tag: 'Left', left: { _tag: 'ConfigError', field: 'token' } })
    expect(errors.map((e) => e._tag)).toEqual(['ConfigError', 'ConfigError'])
    expect(flags.getVariantValue('x', 'fallback', USER)).toBe('fallback')
  })

  it('reports a failing exposure tracker through onError, never throwing', async () => {
    const failed = deferred<[MixpanelError, FlagsOperation]>()
    const { flags } = await loaded([createTestFlag()], {
      track: () => {
        throw new Error('queue is closed')
      },
      onError: (e, op) => failed.resolve([e, op]),
    })
    expect(flags.getVariantValue('test_flag', 'fallback', USER)).not.toBe('fallback')
    const [error, operation] = await failed.promise
    expect(operation).toBe('exposure')
    expect(error.message).toContain('queue is closed')
  })

  it('never throws, whatever it is given', async () => {
    const { flags } = await loaded([createTestFlag()], { onError: () => { throw new Error('handler bug') } })
    const hostile = new Proxy({}, { get: () => { throw new Error('boom') }, getOwnPropertyDescriptor: () => { throw new Error('boom') } })
    expect(() => flags.getVariant(hostile as never, hostile as never, hostile as never)).not.toThrow()
    expect(flags.getVariant('test_flag', hostile as never, {}).fallbackReason?.kind).toBe('MISSING_CONTEXT_KEY')
    expect(flags.getVariant('test_flag', null as never, hostile as never).source).toBe('fallback')
    expect(flags.getAllVariants(null as never)).toEqual({})
    expect(flags.isEnabled(42 as never, USER)).toBe(false)
  })
})
