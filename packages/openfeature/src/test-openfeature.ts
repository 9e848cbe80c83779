// Test helpers: one flags-serving emulator per file (the flags package's own helpers, reused), and
// providers registered with the real OpenFeature SDK, which is a global singleton reset after each test.
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { emulatorPerFile, type Emulator } from '@mp/emulator'
import { OpenFeature, type Client } from '@openfeature/server-sdk'
import { flagsEmulatorOptions, TOKEN } from '../../flags/src/test-emulator.ts'
import { createTestFlag } from '../../flags/src/test-flags.ts'
import { MixpanelProvider } from './MixpanelProvider.ts'
import type { LocalProviderOptions, MixpanelFlagsSource, RemoteProviderOptions } from './types.ts'

export { deferred, exposures, flagRequests, TOKEN } from '../../flags/src/test-emulator.ts'
export { createTestFlag }

export type Mode = 'local' | 'remote'
export const MODES: ReadonlyArray<Mode> = ['local', 'remote']

/** One emulator for the file, serving flag definitions; the SDK is cleared (providers closed) after each test. */
export const useFlagsEmulator = (): Emulator => {
  const emu = emulatorPerFile({ beforeAll, afterAll, beforeEach }, flagsEmulatorOptions([]))
  afterEach(async () => {
    await OpenFeature.clearProviders()
    OpenFeature.clearHooks()
    OpenFeature.clearHandlers()
    OpenFeature.setContext({})
  })
  return emu
}

/** A flag that gives everyone one variant: `key` → `value`. */
export const flag = (flagKey: string, value: unknown, variantKey = 'on', extra: Parameters<typeof createTestFlag>[0] = {}) =>
  createTestFlag({ flagKey, variants: [{ key: variantKey, value, is_control: false, split: 1 }], ...extra })

/** The provider of `mode` over the emulator, built by `fromLocal` (no polling) or `fromRemote`. */
export const providerFor = (emu: Emulator, mode: Mode, options: LocalProviderOptions & RemoteProviderOptions = {}): MixpanelProvider => {
  const config = { token: TOKEN, host: emu.url }
  return mode === 'local' ? MixpanelProvider.fromLocal(config, { enablePolling: false, ...options }) : MixpanelProvider.fromRemote(config, options)
}

/** Serves `definitions`, registers the provider of `mode` and waits for it: the client to evaluate with. */
export const clientFor = async (emu: Emulator, mode: Mode, definitions: ReadonlyArray<unknown>): Promise<Client> => {
  emu.setFlagDefinitions(definitions)
  await OpenFeature.setProviderAndWait(providerFor(emu, mode))
  return OpenFeature.getClient()
}

/** Registers a provider over a hand-written flags source (mixpanel-python's tests use a mock), and answers its client. */
export const clientOver = async (source: MixpanelFlagsSource): Promise<Client> => {
  await OpenFeature.setProviderAndWait(new MixpanelProvider(source))
  return OpenFeature.getClient()
}
