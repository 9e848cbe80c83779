// Test helper: an emulator whose /flags route evaluates with evaluateFlag, the same rules as local mode.
import { startEmulator, type Emulator, type EmulatorOptions } from '@mp/emulator'
import { evaluateFlag } from './evaluateFlag.ts'
import { toWireVariant } from './toWireVariant.ts'
import type { FlagContext } from './types.ts'

export const TOKEN = 'tok_SECRET_4f2a9c'

/** Emulator options (for `startEmulator` or `emulatorPerFile`) whose /flags route evaluates with evaluateFlag. */
export const flagsEmulatorOptions = (definitions: ReadonlyArray<unknown>, options: Omit<EmulatorOptions, 'flags'> = {}): EmulatorOptions => ({
  port: 0,
  ...options,
  flags: { definitions, evaluate: (definition, context) => toWireVariant(evaluateFlag(definition, context as FlagContext)) },
})

export const startFlagsEmulator = (definitions: ReadonlyArray<unknown>, options: Omit<EmulatorOptions, 'flags'> = {}): Promise<Emulator> =>
  startEmulator(flagsEmulatorOptions(definitions, options))

export const flagRequests = (emu: Emulator, path: '/flags' | '/flags/definitions') => emu.requests().filter((r) => r.path === path)

export const exposures = (emu: Emulator) => emu.events().filter((e) => e.event === '$experiment_started')

/** A promise and the function that resolves it, for waiting on callbacks without timers. */
export const deferred = <A>(): { promise: Promise<A>; resolve: (a: A) => void } => {
  let resolve: (a: A) => void = () => undefined
  const promise = new Promise<A>((r) => {
    resolve = r
  })
  return { promise, resolve }
}
