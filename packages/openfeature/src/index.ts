export { MixpanelProvider } from './MixpanelProvider.ts'
export type {
  EventTracker,
  LocalProviderOptions,
  MixpanelFlagsSource,
  MixpanelProviderOptions,
  ProviderErrorHandler,
  ProviderOperation,
  RemoteProviderOptions,
  TrackedEvent,
} from './types.ts'
