// The README's feature-flag examples, run as written except that `host` points at the emulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Emulator } from '@mp/emulator'
import { createLocalFlags, createRemoteFlags } from '@mp/flags'
import { exposures, startFlagsEmulator } from './test-emulator.ts'
import { createTestFlag } from './test-flags.ts'

let emu: Emulator
beforeAll(async () => {
  emu = await startFlagsEmulator([
    createTestFlag({ flagKey: 'new_checkout', variants: [{ key: 'on', value: true, is_control: false, split: 100 }] }),
    createTestFlag({ flagKey: 'button_color', variants: [{ key: 'green', value: 'green', is_control: false, split: 100 }] }),
  ])
})
afterAll(async () => {
  await emu.stop()
})

describe('README: feature flags', () => {
  it('local evaluation: start, isEnabled with an exposure, getVariantValue, stop', async () => {
    const warnings: string[] = []
    // --- README snippet (local) ---
    const flags = createLocalFlags({ token: 'YOUR_TOKEN', host: emu.url }, { onError: (e, op) => warnings.push(`${op} ${e.message}`) })
    await flags.start()()
    const ctx = { distinct_id: 'user_1', custom_properties: { plan: 'pro' } }
    const enabled = flags.isEnabled('new_checkout', ctx)
    const color = flags.getVariantValue('button_color', 'blue', ctx)
    await flags.flush()()
    flags.stop()
    // --- end ---
    expect(enabled).toBe(true)
    expect(color).toBe('green')
    expect(warnings).toEqual([])
    expect(exposures(emu).map((e) => [e.distinctId, e.properties['Experiment name'], e.properties['Flag evaluation mode']])).toContainEqual([
      'user_1',
      'new_checkout',
      'local',
    ])
  })

  it('remote evaluation: a variant from /flags, and the fallback with BACKEND_ERROR when Mixpanel fails', async () => {
    // --- README snippet (remote) ---
    const remote = createRemoteFlags({ token: 'YOUR_TOKEN', host: emu.url })
    const v = await remote.getVariant('new_checkout', { variantValue: false }, { distinct_id: 'user_1' })()
    // --- end ---
    expect(v).toMatchObject({ variantKey: 'on', variantValue: true, source: 'remote' })

    emu.faults.next(1, { kind: 'status', status: 500 }, { path: '/flags' })
    const failed = await remote.getVariant('new_checkout', { variantValue: false }, { distinct_id: 'user_1' })()
    expect(failed).toMatchObject({ variantValue: false, source: 'fallback', fallbackReason: { kind: 'BACKEND_ERROR' } })
    expect(JSON.stringify(failed)).not.toContain('YOUR_TOKEN')
  })
})
