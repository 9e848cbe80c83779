import type { either as E, task as T, taskEither as TE } from 'fp-ts'
import type { JsonObject, MixpanelError } from '@mp/core'
import type { FallbackVariant, FlagContext, FlagsOperation, LocalFlagsOptions, RemoteFlagsOptions, SelectedVariant } from '@mp/flags'

/**
 * What `MixpanelProvider` needs of a flags object: `getVariant`, answered now (local), as a Task
 * (remote) or as a Promise. `createLocalFlags` and `createRemoteFlags` from `@mp/flags` fit as they
 * are. With `ready` the source counts as local: the provider asks it before every evaluation
 * (mixpanel-python's `are_flags_ready`), `start` loads it in `initialize`, `stop` ends its polling
 * in `onClose`, and `flush` waits for its exposure events there.
 */
export interface MixpanelFlagsSource {
  readonly getVariant: (
    flagKey: string,
    fallback: FallbackVariant,
    context: FlagContext,
  ) => SelectedVariant | T.Task<SelectedVariant> | PromiseLike<SelectedVariant>
  readonly ready?: () => boolean
  readonly start?: () => T.Task<E.Either<MixpanelError, ReadonlyArray<string>>>
  readonly stop?: () => void
  readonly flush?: () => T.Task<void>
}

/** A Mixpanel event `client.track(…)` sends, in the input shape of `track` from `@mp/events`. */
export interface TrackedEvent {
  readonly distinctId: string
  readonly event: string
  readonly properties: JsonObject
}

/**
 * Sends the events of OpenFeature's tracking API: `track(config)` from `@mp/events`, or anything of
 * that shape, such as a function that puts the event on a queue. It also fits `@mp/flags`' `track`
 * option, so exposures and tracked events can share one destination.
 */
export type EventTracker = (event: TrackedEvent) => TE.TaskEither<MixpanelError, unknown>

/** What the provider was doing when something failed: a flags operation, or sending a tracked event. */
export type ProviderOperation = FlagsOperation | 'track'

/** Receives what the provider never throws. Messages never hold the API secret or service-account secret. */
export type ProviderErrorHandler = (error: MixpanelError, operation: ProviderOperation) => void

/** Options of `new MixpanelProvider(flags, options)`. */
export interface MixpanelProviderOptions {
  /** Where `client.track(name, context, details)` goes. Without it tracking is refused (reported to `onError`). */
  readonly track?: EventTracker
  /** Receives failed tracked events (and, from `fromLocal`/`fromRemote`, the flags' own failures). */
  readonly onError?: ProviderErrorHandler
}

/** Options of `MixpanelProvider.fromLocal`: those of `createLocalFlags`, with `track` also used for tracked events. */
export type LocalProviderOptions = Omit<LocalFlagsOptions, 'onError' | 'track'> & MixpanelProviderOptions

/** Options of `MixpanelProvider.fromRemote`: those of `createRemoteFlags`, with `track` also used for tracked events. */
export type RemoteProviderOptions = Omit<RemoteFlagsOptions, 'onError' | 'track'> & MixpanelProviderOptions
