import { either as E, type taskEither as TE } from 'fp-ts'
import { afterAll, beforeAll, beforeEach, expect } from 'vitest'
import { startEmulator, type Emulator } from '@mp/emulator'
import type { Config, MixpanelError, Receipt } from '@mp/core'

/** A local emulator for the whole file, emptied before each test. */
export const useEmulator = (): { readonly emu: () => Emulator; readonly config: () => Config } => {
  let emu: Emulator | undefined
  beforeAll(async () => {
    emu = await startEmulator({ port: 0 })
  })
  afterAll(async () => {
    await emu?.stop()
  })
  beforeEach(() => emu?.reset())
  const current = (): Emulator => {
    if (emu === undefined) throw new Error('emulator not started')
    return emu
  }
  return { emu: current, config: () => ({ token: 'tok', host: current().url, retry: { limit: 0 } }) }
}

/** Runs an action and asserts Mixpanel (the emulator) accepted its one `/groups` record. */
export const accepted = async (task: TE.TaskEither<MixpanelError, Receipt>): Promise<void> => {
  expect(await task()).toStrictEqual(E.right({ endpoint: '/groups', records: 1, attempts: 1 }))
}
