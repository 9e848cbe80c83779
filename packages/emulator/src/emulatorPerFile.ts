import { startEmulator } from './startEmulator.ts'
import type { Emulator, EmulatorOptions } from './types.ts'

/** The suite hooks a test runner gives (vitest's and jest's have these names). */
export interface SuiteHooks {
  beforeAll(run: () => Promise<void>): void
  afterAll(run: () => Promise<void>): void
  beforeEach(run: () => void): void
}

/**
 * One emulator for a whole test file: started before the first test, emptied before each test,
 * stopped after the last. The returned object is filled in when the file's tests start, so read it
 * inside tests and hooks, not at the top of the file. The hooks come in as an argument so the
 * emulator depends on no test runner. `options` go to `startEmulator` as given: pass
 * `{ port: 0, idMerge: 'original' }` for a project on Original ID Merge (the default is Simplified).
 * @example
 * import { afterAll, beforeAll, beforeEach, it } from 'vitest'
 * const emu = emulatorPerFile({ beforeAll, afterAll, beforeEach })
 * it('stores what it is sent', async () => { await track({ token: 'tok', host: emu.url })(input)(); emu.events() })
 */
export const emulatorPerFile = (hooks: SuiteHooks, options: EmulatorOptions = { port: 0 }): Emulator => {
  const emulator = {} as Emulator
  hooks.beforeAll(async () => {
    Object.assign(emulator, await startEmulator(options))
  })
  hooks.afterAll(async () => {
    await emulator.stop()
  })
  hooks.beforeEach(() => emulator.reset())
  return emulator
}
