import { either as E, type taskEither as TE } from 'fp-ts'
import { afterAll, beforeAll, beforeEach, expect } from 'vitest'
import { emulatorPerFile, type Emulator } from '@mp/emulator'
import type { Config, MixpanelError, Receipt } from '@mp/core'

/** A local emulator for the whole file, emptied before each test, and a config that sends to it. */
export const useEmulator = (): { readonly emu: () => Emulator; readonly config: () => Config } => {
  const emu = emulatorPerFile({ beforeAll, afterAll, beforeEach })
  return { emu: () => emu, config: () => ({ token: 'tok', host: emu.url, retry: { limit: 0 } }) }
}

/** Runs an action and asserts Mixpanel (the emulator) accepted its one `/engage` record. */
export const accepted = async (task: TE.TaskEither<MixpanelError, Receipt>): Promise<void> => {
  expect(await task()).toStrictEqual(E.right({ endpoint: '/engage', records: 1, attempts: 1 }))
}
