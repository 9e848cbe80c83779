// The README's OpenFeature examples, run as written except that `host` points at the emulator.
import { describe, expect, it } from 'vitest'
import { OpenFeature } from '@openfeature/server-sdk'
import { MixpanelProvider } from '@mp/openfeature'
import { exposures, flag, useFlagsEmulator } from './test-openfeature.ts'

const emu = useFlagsEmulator()

describe('README: OpenFeature', () => {
  it('the five-line setup: local flags behind OpenFeature, with an exposure', async () => {
    emu.setFlagDefinitions([flag('new_checkout', true)])
    // --- README snippet (setup) ---
    await OpenFeature.setProviderAndWait(MixpanelProvider.fromLocal({ token: 'YOUR_TOKEN', host: emu.url }))
    const client = OpenFeature.getClient()
    const enabled = await client.getBooleanValue('new_checkout', false, { targetingKey: 'user_1' })
    // --- end ---
    expect(enabled).toBe(true)
    await OpenFeature.close()
    expect(exposures(emu).map((e) => [e.distinctId, e.properties['Experiment name']])).toEqual([['user_1', 'new_checkout']])
  })

  it('details, tracking and shutdown, remote', async () => {
    emu.setFlagDefinitions([flag('button_color', 'green', 'green')])
    await OpenFeature.setProviderAndWait(MixpanelProvider.fromRemote({ token: 'YOUR_TOKEN', host: emu.url }))
    const client = OpenFeature.getClient()
    // --- README snippet (details) ---
    const ctx = { targetingKey: 'user_1', custom_properties: { plan: 'pro' } }
    const details = await client.getStringDetails('button_color', 'blue', ctx)
    // { value: 'green', variant: 'green', reason: 'TARGETING_MATCH', flagMetadata: { variantSource: 'remote' }, … }
    const missing = await client.getStringDetails('no_such_flag', 'blue', ctx)
    // { value: 'blue', errorCode: 'FLAG_NOT_FOUND', reason: 'ERROR', errorMessage: 'the /flags answer has no flag "no_such_flag"', … }
    client.track('checkout', ctx, { value: 99.5, currency: 'EUR' }) // a Mixpanel event for user_1
    await OpenFeature.close() // stops polling, waits for exposures and tracked events
    // --- end ---
    expect(details).toMatchObject({ value: 'green', variant: 'green', reason: 'TARGETING_MATCH', flagMetadata: { variantSource: 'remote' } })
    expect(missing).toMatchObject({ value: 'blue', errorCode: 'FLAG_NOT_FOUND', reason: 'ERROR', errorMessage: 'the /flags answer has no flag "no_such_flag"' })
    expect(emu.events().map((e) => [e.event, e.distinctId]).sort()).toEqual([
      ['$experiment_started', 'user_1'],
      ['checkout', 'user_1'],
    ])
  })
})
