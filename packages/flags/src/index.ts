export { normalizedHash } from './normalizedHash.ts'
export { parseFlagDefinition } from './parseFlagDefinition.ts'
export { evaluateFlag } from './evaluateFlag.ts'
export { toWireVariant } from './toWireVariant.ts'
export { createLocalFlags } from './createLocalFlags.ts'
export { createRemoteFlags } from './createRemoteFlags.ts'
export type { LocalFlags, LocalFlagsOptions } from './createLocalFlags.ts'
export type { RemoteFlags, RemoteFlagsOptions } from './createRemoteFlags.ts'
export type { FlagsOptions } from './flagsPlumbing.ts'
export type {
  ExposureEvent,
  ExposureTracker,
  FallbackReason,
  FallbackReasonKind,
  FallbackVariant,
  FlagContext,
  FlagDefinition,
  FlagRollout,
  FlagsErrorHandler,
  FlagsOperation,
  FlagVariant,
  SelectedVariant,
  VariantSource,
  WireVariant,
} from './types.ts'
