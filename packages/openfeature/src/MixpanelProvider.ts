import { either as E } from 'fp-ts'
import { configError, describeValue, normalizeConfig, type Config, type MixpanelError } from '@mp/core'
import { track as mixpanelTrack } from '@mp/events'
import { createLocalFlags, createRemoteFlags, type SelectedVariant } from '@mp/flags'
import {
  ErrorCode,
  GeneralError,
  OpenFeatureEventEmitter,
  ProviderEvents,
  ProviderFatalError,
  StandardResolutionReasons,
  type EvaluationContext,
  type JsonValue,
  type OpenFeatureError,
  type Provider,
  type ResolutionDetails,
  type TrackingEventDetails,
} from '@openfeature/server-sdk'
import { resolutionOf, type ValueKind } from './resolutionOf.ts'
import { secretScrubber } from './secretScrubber.ts'
import { toFlagContext } from './toFlagContext.ts'
import { trackedEvent } from './trackedEvent.ts'
import type {
  EventTracker,
  LocalProviderOptions,
  MixpanelFlagsSource,
  MixpanelProviderOptions,
  ProviderErrorHandler,
  ProviderOperation,
  RemoteProviderOptions,
} from './types.ts'

const NO_TRACKER = configError('track', 'missing; OpenFeature tracking events need one (use fromLocal/fromRemote, or new MixpanelProvider(flags, { track }))')

/**
 * Where a local source stands: `loading` until `initialize` ends, then `ready`, `waiting` (the first
 * definitions never came; polling goes on) or `stale` (a refresh failed; older definitions still
 * serve). Only the transitions after `initialize` emit events: the SDK announces what `initialize` did.
 */
type Phase = 'loading' | 'ready' | 'waiting' | 'stale'

const describe = (e: unknown): string => {
  try {
    return e instanceof Error ? e.message : String(e)
  } catch {
    return describeValue(e)
  }
}

// A copy of the caller's options that reads without surprises (options that throw when read are ignored).
const plainOptions = <O extends object>(options: O | undefined): Partial<O> => {
  try {
    return typeof options === 'object' && options !== null ? { ...options } : {}
  } catch {
    return {}
  }
}

const call = <A extends ReadonlyArray<unknown>>(callback: unknown, ...args: A): void => {
  try {
    if (typeof callback === 'function') (callback as (...a: A) => unknown)(...args)
  } catch {
    // The caller's callback failing is its own business; the provider keeps running.
  }
}

// Stands in for the flags while a factory builds them, so their first reports already reach the provider.
const UNSET: MixpanelFlagsSource = { getVariant: (_key, fallback) => fallback as SelectedVariant }

/**
 * Mixpanel feature flags as an OpenFeature provider for `@openfeature/server-sdk` (the counterpart
 * of mixpanel-python's `mixpanel-openfeature`): every evaluation is `getVariant` of a local or
 * remote `@mp/flags` object, so exposures (`$experiment_started`) reach Mixpanel exactly as when
 * the flags are used directly. `targetingKey` becomes `distinct_id` (an explicit `distinct_id`
 * wins). Errors follow the SDK's "returned" style: a resolution carries `errorCode`, `reason: 'ERROR'`
 * and `errorMessage`, never a throw; only `initialize` rejects, as the SDK expects, which puts the
 * provider in `ERROR` (or `FATAL` for a config that can never work). `client.track(…)` sends a
 * Mixpanel event. `onClose` stops polling and waits for pending exposures and tracked events.
 * @example
 * import { OpenFeature } from '@openfeature/server-sdk'
 * import { MixpanelProvider } from '@mp/openfeature'
 * await OpenFeature.setProviderAndWait(MixpanelProvider.fromLocal({ token: 'YOUR_TOKEN' }))
 * const on = await OpenFeature.getClient().getBooleanValue('new_checkout', false, { targetingKey: 'user_1' })
 */
export class MixpanelProvider implements Provider {
  readonly metadata = { name: 'mixpanel-provider' } as const
  readonly runsOn = 'server' as const
  readonly events = new OpenFeatureEventEmitter()

  #flags: MixpanelFlagsSource
  readonly #tracker: EventTracker | undefined
  readonly #onError: ProviderErrorHandler | undefined
  readonly #pending = new Set<Promise<void>>()
  #scrub: (text: string) => string = (text) => text
  /** A config that can never work (found by `fromRemote`); `initialize` reports it as fatal. */
  #problem: MixpanelError | undefined
  #phase: Phase = 'loading'

  /**
   * Wraps a flags object: `createLocalFlags(…)` (not yet started is fine: `initialize` starts it) or
   * `createRemoteFlags(…)` from `@mp/flags`, or anything with their `getVariant`. `options.track`
   * receives `client.track(…)` events. Never throws.
   * @example
   * const flags = createRemoteFlags({ token: 'YOUR_TOKEN' })
   * const provider = new MixpanelProvider(flags, { track: track({ token: 'YOUR_TOKEN' }) })
   */
  constructor(flags: MixpanelFlagsSource, options?: MixpanelProviderOptions) {
    const { track, onError } = plainOptions(options)
    this.#flags = flags
    this.#tracker = typeof track === 'function' ? track : undefined
    this.#onError = typeof onError === 'function' ? onError : undefined
  }

  /**
   * A provider over local evaluation (`createLocalFlags(config, options)`): `initialize` fetches the
   * definitions and starts polling, `onClose` stops it. A failed refresh after a good start emits
   * `PROVIDER_STALE` (the last definitions keep serving); the next good one emits `PROVIDER_READY`.
   * Exposures and `client.track` events go through `options.track`, else `track(config)`. Never throws.
   * @example
   * await OpenFeature.setProviderAndWait(MixpanelProvider.fromLocal({ token: 'YOUR_TOKEN' }, { pollingIntervalMs: 30_000 }))
   */
  static fromLocal(config: Config, options?: LocalProviderOptions): MixpanelProvider {
    const given = plainOptions(options)
    const provider = MixpanelProvider.#owning(config, given)
    provider.#flags = createLocalFlags(config, {
      ...given,
      onUpdate: (keys) => {
        provider.#refreshed()
        call(given.onUpdate, keys)
      },
      onError: (error, operation) => provider.#failed(error, operation),
    })
    return provider
  }

  /**
   * A provider over remote evaluation (`createRemoteFlags(config, options)`): one `/flags` request
   * per evaluation, nothing fetched up front, so it is ready at once (unless the config can never
   * work: then `initialize` rejects and the provider is `FATAL`). Never throws.
   * @example
   * await OpenFeature.setProviderAndWait(MixpanelProvider.fromRemote({ token: 'YOUR_TOKEN' }))
   */
  static fromRemote(config: Config, options?: RemoteProviderOptions): MixpanelProvider {
    const given = plainOptions(options)
    const provider = MixpanelProvider.#owning(config, given)
    provider.#flags = createRemoteFlags(config, { ...given, onError: (error, operation) => provider.#failed(error, operation) })
    const checked = normalizeConfig(config)
    provider.#problem = E.isLeft(checked) ? checked.left : undefined
    return provider
  }

  // A provider that knows the config's secrets and tracks with `options.track`, else `track(config)`.
  static #owning(config: Config, given: Partial<LocalProviderOptions>): MixpanelProvider {
    const track = typeof given.track === 'function' ? given.track : mixpanelTrack(config, given.env)
    const provider = new MixpanelProvider(UNSET, { ...given, track })
    provider.#scrub = secretScrubber(config)
    return provider
  }

  /**
   * Called by the SDK once, when the provider is set. A local source loads its definitions (and
   * starts polling) unless it has them already. A failure rejects with a message free of secrets,
   * so the SDK puts the provider in `ERROR` while polling goes on, or in `FATAL` for a bad config.
   */
  async initialize(): Promise<void> {
    if (this.#problem !== undefined) throw new ProviderFatalError(this.#scrub(this.#problem.message))
    const failure = await this.#load()
    this.#phase = failure === undefined ? 'ready' : 'waiting'
    if (failure !== undefined) throw failure
  }

  /** Stops polling, then waits for every exposure and tracked event handed over so far. Never rejects. */
  async onClose(): Promise<void> {
    try {
      this.#flags.stop?.()
      await Promise.allSettled([...this.#pending])
      await this.#flags.flush?.()()
    } catch {
      // Only a hand-written source can throw here, and what it holds is its own.
    }
  }

  /** @example await provider.resolveBooleanEvaluation('new_checkout', false, { targetingKey: 'user_1' }) */
  resolveBooleanEvaluation(flagKey: string, defaultValue: boolean, context: EvaluationContext): Promise<ResolutionDetails<boolean>> {
    return this.#resolve(flagKey, defaultValue, context, 'boolean')
  }

  /** @example await provider.resolveStringEvaluation('button_color', 'blue', { targetingKey: 'user_1' }) */
  resolveStringEvaluation(flagKey: string, defaultValue: string, context: EvaluationContext): Promise<ResolutionDetails<string>> {
    return this.#resolve(flagKey, defaultValue, context, 'string')
  }

  /** @example await provider.resolveNumberEvaluation('max_items', 10, { targetingKey: 'user_1' }) */
  resolveNumberEvaluation(flagKey: string, defaultValue: number, context: EvaluationContext): Promise<ResolutionDetails<number>> {
    return this.#resolve(flagKey, defaultValue, context, 'number')
  }

  /** @example await provider.resolveObjectEvaluation('limits', {}, { targetingKey: 'user_1' }) */
  resolveObjectEvaluation<T extends JsonValue>(flagKey: string, defaultValue: T, context: EvaluationContext): Promise<ResolutionDetails<T>> {
    return this.#resolve(flagKey, defaultValue, context, 'object')
  }

  /**
   * OpenFeature's tracking API (`client.track(name, context, details)`) as a Mixpanel event: `name`
   * for its name, the context's `distinct_id` (or `targetingKey`) for its user, `details` (with
   * `value`) for its properties. Sent in the background; `onClose` waits for it; a refusal or a
   * failure goes to `onError`. Never throws.
   * @example
   * OpenFeature.getClient().track('checkout', { targetingKey: 'user_1' }, { value: 99.5, currency: 'EUR' })
   */
  track(trackingEventName: string, context: EvaluationContext, trackingEventDetails: TrackingEventDetails): void {
    const tracker = this.#tracker
    if (tracker === undefined) {
      this.#report(NO_TRACKER, 'track')
      return
    }
    const event = trackedEvent(trackingEventName, context, trackingEventDetails)
    if (E.isLeft(event)) {
      this.#report(event.left, 'track')
      return
    }
    const sending = Promise.resolve()
      .then(() => tracker(event.right)())
      .then(
        (outcome) => {
          if (E.isLeft(outcome)) this.#report(outcome.left, 'track')
        },
        (e: unknown) => {
          this.#report(configError('track', `the event tracker failed: ${describe(e)}`), 'track')
        },
      )
    this.#pending.add(sending)
    void sending.finally(() => this.#pending.delete(sending))
  }

  // Loads a local source that has no definitions yet; answers the error `initialize` rejects with, if any.
  async #load(): Promise<OpenFeatureError | undefined> {
    const flags = this.#flags
    try {
      if (typeof flags.ready !== 'function' || typeof flags.start !== 'function' || flags.ready()) return undefined
      const first = await flags.start()()
      if (E.isRight(first)) return undefined
      const message = `Mixpanel flag definitions could not be loaded: ${this.#scrub(first.left.message)}`
      if (first.left._tag !== 'ConfigError') {
        return new GeneralError(`${message}; polling goes on, and evaluations answer PROVIDER_NOT_READY until they load`)
      }
      flags.stop?.()
      return new ProviderFatalError(message)
    } catch (e) {
      return new GeneralError(`The Mixpanel flags source failed to start: ${this.#scrub(describe(e))}`)
    }
  }

  async #resolve<T>(flagKey: string, defaultValue: T, context: EvaluationContext, kind: ValueKind): Promise<ResolutionDetails<T>> {
    const flags = this.#flags
    try {
      // As mixpanel-python, before anything else: a local source without definitions is not ready.
      if (typeof flags.ready === 'function') {
        if (!flags.ready()) return { value: defaultValue, reason: StandardResolutionReasons.ERROR, errorCode: ErrorCode.PROVIDER_NOT_READY }
        // A wrapped source that loaded after a failed start: the SDK still says ERROR until told.
        if (this.#phase === 'waiting') this.#refreshed()
      }
      const flagContext = toFlagContext(context)
      if (E.isLeft(flagContext)) return this.#error(defaultValue, ErrorCode.INVALID_CONTEXT, flagContext.left.message)
      const fallback = { variantValue: defaultValue }
      const answer = flags.getVariant(flagKey, fallback, flagContext.right)
      const variant: unknown = await (typeof answer === 'function' ? answer() : answer)
      const details = resolutionOf(variant, fallback, defaultValue, kind)
      return details.errorMessage === undefined ? details : { ...details, errorMessage: this.#scrub(details.errorMessage) }
    } catch (e) {
      return this.#error(defaultValue, ErrorCode.GENERAL, describe(e))
    }
  }

  #error<T>(value: T, errorCode: ErrorCode, message: string): ResolutionDetails<T> {
    return { value, reason: StandardResolutionReasons.ERROR, errorCode, errorMessage: this.#scrub(message) }
  }

  #refreshed(): void {
    if (this.#phase !== 'waiting' && this.#phase !== 'stale') return
    this.#phase = 'ready'
    this.events.emit(ProviderEvents.Ready, { message: 'Mixpanel flag definitions loaded' })
  }

  #failed(error: MixpanelError, operation: ProviderOperation): void {
    const reported = this.#report(error, operation)
    if (operation !== 'refresh' || this.#phase !== 'ready') return
    this.#phase = 'stale'
    this.events.emit(ProviderEvents.Stale, { message: `Mixpanel flag definitions could not be refreshed; the last ones keep serving: ${reported.message}` })
  }

  // Hands an error to `onError` with every text field scrubbed of secrets; answers what it handed over.
  #report(error: MixpanelError, operation: ProviderOperation): MixpanelError {
    const scrubbed = Object.fromEntries(
      Object.entries(error).map(([key, value]) => [key, typeof value === 'string' ? this.#scrub(value) : value] as const),
    ) as unknown as MixpanelError
    call(this.#onError, scrubbed, operation)
    return scrubbed
  }
}
