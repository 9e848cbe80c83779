// What reaches Mixpanel: exposures exactly as @mp/flags sends them, and OpenFeature's tracking API as
// Mixpanel events.
import { describe, expect, it } from 'vitest'
import { taskEither as TE } from 'fp-ts'
import type { MixpanelError } from '@mp/core'
import { createLocalFlags, createRemoteFlags } from '@mp/flags'
import { OpenFeature } from '@openfeature/server-sdk'
import { MixpanelProvider } from './MixpanelProvider.ts'
import { clientFor, exposures, flag, MODES, providerFor, TOKEN, useFlagsEmulator } from './test-openfeature.ts'
import type { ProviderOperation, TrackedEvent } from './types.ts'

const emu = useFlagsEmulator()

// Differ between any two sends: the clock, the insert id, and the measured timings.
const VOLATILE = ['time', '$insert_id', 'Variant fetch latency (ms)', 'Variant fetch start time', 'Variant fetch complete time']

const stableExposures = () =>
  exposures(emu).map((e) => ({
    endpoint: e.endpoint,
    distinctId: e.distinctId,
    properties: Object.fromEntries(Object.entries(e.properties).filter(([key]) => !VOLATILE.includes(key))),
    volatileKeys: VOLATILE.filter((key) => Object.hasOwn(e.properties, key)),
  }))

describe.each(MODES)('exposures (%s)', (mode) => {
  const definitions = [flag('f', 'blue', 'treatment', { experimentId: 'exp-9', isExperimentActive: true })]

  it('(JS) an evaluation sends the same $experiment_started record as @mp/flags called directly', async () => {
    const client = await clientFor(emu, mode, definitions)
    expect(await client.getStringValue('f', 'red', { targetingKey: 'user_1', plan: 'pro' })).toBe('blue')
    await OpenFeature.close()
    const viaOpenFeature = stableExposures()
    expect(viaOpenFeature).toHaveLength(1)

    emu.reset()
    const config = { token: TOKEN, host: emu.url }
    const direct = { distinct_id: 'user_1', plan: 'pro' }
    if (mode === 'local') {
      const flags = createLocalFlags(config, { enablePolling: false })
      await flags.start()()
      flags.getVariant('f', { variantValue: 'red' }, direct)
      await flags.flush()()
    } else {
      const flags = createRemoteFlags(config)
      await flags.getVariant('f', { variantValue: 'red' }, direct)()
      await flags.flush()()
    }
    expect(stableExposures()).toEqual(viaOpenFeature)
    expect(viaOpenFeature[0]).toMatchObject({
      endpoint: '/track',
      distinctId: 'user_1',
      properties: { 'Experiment name': 'f', 'Variant name': 'treatment', 'Flag evaluation mode': mode, token: TOKEN },
    })
  })

  it('(JS) one exposure per evaluation, none for a flag that is not found (as mixpanel-python)', async () => {
    const client = await clientFor(emu, mode, definitions)
    await client.getStringValue('f', 'red', { targetingKey: 'user_1' })
    await client.getStringValue('f', 'red', { targetingKey: 'user_1' })
    await client.getStringValue('missing', 'red', { targetingKey: 'user_1' })
    await OpenFeature.close()
    expect(exposures(emu).map((e) => e.properties['Experiment name'])).toEqual(['f', 'f'])
  })

  it('(JS) closing the SDK waits for exposures still in flight', async () => {
    const client = await clientFor(emu, mode, definitions)
    emu.faults.next(1, { kind: 'latency', ms: 150 }, { path: '/track' })
    await client.getStringValue('f', 'red', { targetingKey: 'user_1' })
    expect(exposures(emu)).toEqual([])
    await OpenFeature.close()
    expect(exposures(emu)).toHaveLength(1)
  })
})

describe("OpenFeature's tracking API", () => {
  it('(JS) client.track sends a Mixpanel event: the name, targetingKey as distinct_id, the details as properties', async () => {
    const client = await clientFor(emu, 'local', [])
    client.track('checkout', { targetingKey: 'user_1', plan: 'pro' }, { value: 99.5, currency: 'EUR', at: new Date(Date.UTC(2024, 0, 2)) })
    await OpenFeature.close()
    const [event, ...rest] = emu.events()
    expect(rest).toEqual([])
    expect(event).toMatchObject({ endpoint: '/track', event: 'checkout', distinctId: 'user_1' })
    expect(event?.properties).toMatchObject({ value: 99.5, currency: 'EUR', at: '2024-01-02T00:00:00', token: TOKEN })
    expect(event?.properties).not.toHaveProperty('plan')
  })

  it('(JS) exposures and tracked events share the `track` option, so both can go to one queue', async () => {
    const sent: TrackedEvent[] = []
    const track = (event: TrackedEvent) => {
      sent.push(event)
      return TE.right(1)
    }
    emu.setFlagDefinitions([flag('f', true)])
    for (const mode of MODES) await OpenFeature.setProviderAndWait(providerFor(emu, mode, { track })).then(async () => {
      const client = OpenFeature.getClient()
      await client.getBooleanValue('f', false, { targetingKey: 'u1' })
      client.track('done', { distinct_id: 'u2' })
      await OpenFeature.close()
    })
    expect(sent.map((e) => `${e.event} ${e.distinctId}`)).toEqual(['$experiment_started u1', 'done u2', '$experiment_started u1', 'done u2'])
    expect(emu.events()).toEqual([])
  })

  it('(JS) a refused or failed tracked event goes to onError and nothing is sent; no tracker is a ConfigError', async () => {
    const errors: Array<[MixpanelError, ProviderOperation]> = []
    const onError = (error: MixpanelError, operation: ProviderOperation) => errors.push([error, operation])
    await OpenFeature.setProviderAndWait(MixpanelProvider.fromRemote({ token: TOKEN, host: emu.url, retry: { limit: 0 } }, { onError }))
    const client = OpenFeature.getClient()
    client.track('anonymous', { plan: 'pro' })
    client.track('not json', { targetingKey: 'u1' }, { score: Number.NaN })
    emu.faults.next(1, { kind: 'status', status: 400 }, { path: '/track' })
    client.track('refused', { targetingKey: 'u1' })
    await OpenFeature.close()
    await OpenFeature.setProviderAndWait(new MixpanelProvider(createRemoteFlags({ token: TOKEN, host: emu.url }), { onError }))
    OpenFeature.getClient().track('untracked', { targetingKey: 'u1' })
    await OpenFeature.close()
    expect(errors.map(([e, op]) => `${op} ${e._tag} ${e.message}`)).toEqual([
      'track ValidationError Invalid context.targetingKey: must be a non-empty string (or give distinct_id): a tracked event belongs to a user',
      'track ValidationError Invalid details.score: NaN is not JSON',
      expect.stringMatching(/^track HttpError Mixpanel answered HTTP 400 for \/track/),
      'track ConfigError Invalid config.track: missing; OpenFeature tracking events need one (use fromLocal/fromRemote, or new MixpanelProvider(flags, { track }))',
    ])
    expect(emu.events()).toEqual([])
  })
})
