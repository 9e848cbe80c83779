// The README's OpenFeature examples, run as written except that `host` points at the emulator.
import { describe, expect, it } from 'vitest'
import { OpenFeature } from '@openfeature/server-sdk'
import { MixpanelProvider } from '@mp/openfeature'
import { flag, useFlagsEmulator } from './test-openfeature.ts'

const emu = useFlagsEmulator()

describe('README: OpenFeature', () => {
  it('the five-line setup, then details, tracking and shutdown', async () => {
    emu.setFlagDefinitions([flag('new_checkout', true), flag('button_color', 'green', 'green')])
    // --- README snippet (setup) ---
    await OpenFeature.setProviderAndWait(MixpanelProvider.fromLocal({ token: 'YOUR_TOKEN', host: emu.url }))
    const client = OpenFeature.getClient()
    const enabled = await client.getBooleanValue('new_checkout', false, { targetingKey: 'user_1' })
    // --- end ---
    // --- README snippet (details) ---
    const ctx = { targetingKey: 'user_1', custom_properties: { plan: 'pro' } }
    const details = await client.getStringDetails('button_color', 'blue', ctx)
    // { value: 'green', variant: 'green', reason: 'TARGETING_MATCH', flagMetadata: { variantSource: 'local' }, … }
    const missing = await client.getStringDetails('no_such_flag', 'blue', ctx)
    // { value: 'blue', errorCode: 'FLAG_NOT_FOUND', reason: 'ERROR', errorMessage: 'no definition for flag "no_such_flag"', … }
    client.track('checkout', ctx, { value: 99.5, currency: 'EUR' }) // a Mixpanel event for user_1
    await OpenFeature.close() // stops polling, waits for exposures and tracked events
    // --- end ---
    expect(enabled).toBe(true)
    expect(details).toMatchObject({ value: 'green', variant: 'green', reason: 'TARGETING_MATCH', flagMetadata: { variantSource: 'local' } })
    expect(missing).toMatchObject({ value: 'blue', errorCode: 'FLAG_NOT_FOUND', reason: 'ERROR', errorMessage: 'no definition for flag "no_such_flag"' })
    expect(emu.events().map((e) => `${e.event} ${e.distinctId} ${String(e.properties['Experiment name'] ?? e.properties['currency'])}`).sort()).toEqual([
      '$experiment_started user_1 button_color',
      '$experiment_started user_1 new_checkout',
      'checkout user_1 EUR',
    ])
  })
})
