export { startEmulator } from './startEmulator.ts'
export { emulatorPerFile, type SuiteHooks } from './emulatorPerFile.ts'
export { runCli } from './runCli.ts'
export type {
  Emulator,
  EmulatorCredentials,
  EmulatorOptions,
  EmulatorStats,
  Fault,
  FaultMatch,
  IdMerge,
  IgnoredIdentityEvent,
  ReceivedRequest,
  StoredEvent,
} from './types.ts'
