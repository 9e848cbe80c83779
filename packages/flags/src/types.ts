import type { taskEither as TE } from 'fp-ts'
import type { JsonObject, MixpanelError } from '@mp/core'

/** Why a flag answered with the caller's fallback instead of a variant. */
export type FallbackReasonKind = 'FLAG_NOT_FOUND' | 'MISSING_CONTEXT_KEY' | 'NO_ROLLOUT_MATCH' | 'BACKEND_ERROR'

/** The reason attached to a fallback; `message` says more (the context key, the backend's answer…). */
export interface FallbackReason {
  readonly kind: FallbackReasonKind
  readonly message?: string
}

/** Where a variant came from: local evaluation, the `/flags` API, or the caller's fallback. */
export type VariantSource = 'local' | 'remote' | 'fallback'

/**
 * The outcome of evaluating one flag for one context, as plain data (mixpanel-python's
 * `SelectedVariant`). A fallback carries `source: 'fallback'` and a `fallbackReason`.
 */
export interface SelectedVariant {
  /** `null` for a fallback the caller gave without a key. */
  readonly variantKey: string | null
  readonly variantValue: unknown
  readonly experimentId?: string
  readonly isExperimentActive?: boolean
  /** `true` when a test-user override (or, as in mixpanel-python, a rollout's variant override) chose the variant. */
  readonly isQaTester?: boolean
  readonly source: VariantSource
  readonly fallbackReason?: FallbackReason
}

/** What the caller answers with when a flag cannot be evaluated: at least a value, optionally a key. */
export interface FallbackVariant {
  readonly variantKey?: string | null
  readonly variantValue?: unknown
}

/**
 * The evaluation context, in Mixpanel's wire shape: `distinct_id`, any other assignment key a flag
 * names in its `context` field (`device_id`, `company_id`…), and `custom_properties` for runtime rules.
 */
export interface FlagContext {
  readonly distinct_id?: string
  readonly custom_properties?: Readonly<Record<string, unknown>>
  readonly [key: string]: unknown
}

/** One variant of a flag, as `/flags/definitions` sends it. */
export interface FlagVariant {
  readonly key: string
  readonly value: unknown
  readonly is_control: boolean
  /** A fraction (0.3 = 30 %) compared with the 0.00–0.99 hash; missing or null counts as 0. */
  readonly split: number
}

/** One rollout group of a flag, as `/flags/definitions` sends it. */
export interface FlagRollout {
  /** A fraction despite its name: the hash (0.00–0.99) must be below it. */
  readonly rollout_percentage: number
  /** A JSON-logic rule over the (case-folded) `custom_properties`. */
  readonly runtime_evaluation_rule?: Readonly<Record<string, unknown>>
  /** Deprecated exact-match conditions over `custom_properties`. */
  readonly runtime_evaluation_definition?: Readonly<Record<string, unknown>>
  readonly variant_override?: { readonly key: string }
  readonly variant_splits?: Readonly<Record<string, number>>
}

/** A checked flag definition: the wire record with its variants sorted by key (see `parseFlagDefinition`). */
export interface FlagDefinition {
  readonly key: string
  /** The context field that identifies who is assigned: `distinct_id`, `device_id`, `company_id`… */
  readonly context: string
  readonly experiment_id?: string
  readonly is_experiment_active?: boolean
  readonly hash_salt?: string
  readonly ruleset: {
    readonly variants: ReadonlyArray<FlagVariant>
    readonly rollout: ReadonlyArray<FlagRollout>
    readonly test?: { readonly users: Readonly<Record<string, string>> }
  }
}

/** A variant in the `/flags` wire shape (what the API, and the emulator, answer per flag). */
export interface WireVariant {
  readonly variant_key: string | null
  readonly variant_value: unknown
  readonly experiment_id: string | null
  readonly is_experiment_active: boolean | null
  readonly is_qa_tester: boolean | null
}

/** The `$experiment_started` event an exposure sends, in `track`'s input shape. */
export interface ExposureEvent {
  readonly distinctId: string
  readonly event: '$experiment_started'
  readonly properties: JsonObject
}

/**
 * Sends an exposure event: `track(config)` from `@mp/events` by default, or anything with the same
 * shape, such as a function that puts the event on a queue.
 */
export type ExposureTracker = (event: ExposureEvent) => TE.TaskEither<MixpanelError, unknown>

/** What a provider was doing when something failed. */
export type FlagsOperation = 'refresh' | 'definition' | 'exposure'

/** Receives failures the providers never throw: failed refreshes, skipped definitions, failed exposures. */
export type FlagsErrorHandler = (error: MixpanelError, operation: FlagsOperation) => void
