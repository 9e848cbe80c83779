import { either as E, type task as T } from 'fp-ts'
import { configError, validationError, LIB_NAME, LIB_VERSION, type Config, type MixpanelError } from '@mp/core'
import { fetchFlags } from '@mp/send'
import { evaluateDefinition } from './evaluateDefinition.ts'
import { exposureProperties } from './exposureProperties.ts'
import { fallbackVariant } from './fallbackVariant.ts'
import { flagsPlumbing, type FlagsOptions } from './flagsPlumbing.ts'
import { parseDefinitionsResponse } from './parseDefinitionsResponse.ts'
import { readContext } from './readContext.ts'
import { safeCall } from './safeCall.ts'
import type { FallbackVariant, FlagContext, FlagDefinition, SelectedVariant } from './types.ts'

/** Options of `createLocalFlags`. */
export interface LocalFlagsOptions extends FlagsOptions {
  /** Poll for new definitions after `start()`. Default true. */
  readonly enablePolling?: boolean
  /** Time between the end of one fetch and the start of the next. Default 60 000. */
  readonly pollingIntervalMs?: number
  /** Called with the flag keys after every successful refresh. */
  readonly onUpdate?: (flagKeys: ReadonlyArray<string>) => void
}

/** Feature flags evaluated in-process from definitions fetched (and polled) from `/flags/definitions`. */
export interface LocalFlags {
  /** Fetches the definitions now and, unless polling is off, keeps polling until `stop()`. Answers the first fetch. */
  readonly start: () => T.Task<E.Either<MixpanelError, ReadonlyArray<string>>>
  /** Stops polling. `start()` may be called again. */
  readonly stop: () => void
  /** Whether definitions have been loaded at least once. */
  readonly ready: () => boolean
  /** Fetches the definitions once; a failure keeps the previous ones (and goes to `onError` too). Answers the flag keys. */
  readonly refresh: () => T.Task<E.Either<MixpanelError, ReadonlyArray<string>>>
  /** The variant for a context, or the fallback with its reason. Sends an exposure unless told not to. */
  readonly getVariant: (flagKey: string, fallback: FallbackVariant, context: FlagContext, reportExposure?: boolean) => SelectedVariant
  /** The variant's value, or `fallbackValue`. Sends an exposure. */
  readonly getVariantValue: (flagKey: string, fallbackValue: unknown, context: FlagContext) => unknown
  /** Whether the variant's value is exactly `true`. Sends an exposure. */
  readonly isEnabled: (flagKey: string, context: FlagContext) => boolean
  /** Every flag the context gets a variant of (fallbacks left out). Sends no exposures. */
  readonly getAllVariants: (context: FlagContext) => Readonly<Record<string, SelectedVariant>>
  /** Sends an exposure for a variant obtained earlier (e.g. from `getAllVariants`). */
  readonly trackExposure: (flagKey: string, variant: SelectedVariant, context: FlagContext) => T.Task<E.Either<MixpanelError, unknown>>
  /** Waits until every exposure sent so far has been answered. */
  readonly flush: () => T.Task<void>
}

const DEFAULT_INTERVAL_MS = 60_000

const perfNow = (): number => (typeof globalThis.performance?.now === 'function' ? globalThis.performance.now() : Date.now())

// Node timers would keep the process alive; edge runtimes answer a number, which has no unref.
const unref = (timer: unknown): void => {
  if (typeof timer === 'object' && timer !== null && typeof (timer as { unref?: unknown }).unref === 'function') {
    ;(timer as { unref: () => void }).unref()
  }
}

const describeKey = (key: unknown): string => (typeof key === 'string' ? JSON.stringify(key) : `key of type ${typeof key}`)

const distinctIdOf = (context: unknown): string | undefined => {
  const id = readContext(context, 'distinct_id')
  return typeof id === 'string' && id !== '' ? id : undefined
}

/**
 * Local evaluation, as mixpanel-python's `LocalFeatureFlagsProvider`: `start()` fetches the
 * definitions (Basic auth with the token, or the service account plus `project_id`) and polls
 * every `pollingIntervalMs` with timers that never keep the process alive; every read answers
 * synchronously from the last good definitions. Nothing throws: a failed refresh keeps the
 * previous definitions and goes to `onError`; so do malformed definitions (skipped) and failed
 * exposures. Exposures (`$experiment_started`) go through `track`, or `options.track`.
 * @example
 * import { createLocalFlags } from '@mp/flags'
 * const flags = createLocalFlags({ token: 'YOUR_TOKEN' }, { onError: (e) => console.warn(e.message) })
 * await flags.start()()
 * if (flags.isEnabled('new_checkout', { distinct_id: 'user_1' })) { … }
 * flags.stop()
 */
export const createLocalFlags = (config: Config, options?: LocalFlagsOptions): LocalFlags => {
  const { flagsConfig, report, exposures } = flagsPlumbing(config, options)
  const fetchDefinitions = fetchFlags(flagsConfig)
  const onUpdate = readContext(options, 'onUpdate') as ((keys: ReadonlyArray<string>) => void) | undefined
  const interval = readContext(options, 'pollingIntervalMs') ?? DEFAULT_INTERVAL_MS
  const validInterval = typeof interval === 'number' && Number.isFinite(interval) && interval > 0
  if (!validInterval) report(configError('pollingIntervalMs', 'must be a positive number of milliseconds; using 60000'), 'refresh')
  const intervalMs = validInterval ? interval : DEFAULT_INTERVAL_MS
  const polling = readContext(options, 'enablePolling') !== false

  let definitions: ReadonlyMap<string, FlagDefinition> = new Map()
  let loaded = false
  let inFlight: Promise<E.Either<MixpanelError, ReadonlyArray<string>>> | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  // Bumped by stop(), so a fetch that finishes afterwards does not schedule another.
  let generation = 0
  let running = false

  const load = async (): Promise<E.Either<MixpanelError, ReadonlyArray<string>>> => {
    const answer = await fetchDefinitions({ path: '/flags/definitions', query: { mp_lib: LIB_NAME, lib_version: LIB_VERSION } })()
    const parsed = E.isLeft(answer) ? answer : parseDefinitionsResponse(answer.right)
    if (E.isLeft(parsed)) {
      report(parsed.left, 'refresh')
      return parsed
    }
    for (const skipped of parsed.right.skipped) report(skipped, 'definition')
    definitions = parsed.right.flags
    loaded = true
    const keys = [...definitions.keys()]
    safeCall(onUpdate, keys)
    return E.right(keys)
  }

  const refresh = (): T.Task<E.Either<MixpanelError, ReadonlyArray<string>>> => () => {
    // Concurrent calls share one fetch, so an older answer never overwrites a newer one.
    inFlight ??= load().finally(() => {
      inFlight = undefined
    })
    return inFlight
  }

  const schedule = (owner: number): void => {
    if (!running || owner !== generation) return
    timer = setTimeout(() => {
      void refresh()().then(() => schedule(owner))
    }, intervalMs)
    unref(timer)
  }

  const start = (): T.Task<E.Either<MixpanelError, ReadonlyArray<string>>> => async () => {
    const first = await refresh()()
    if (polling && !running) {
      running = true
      schedule(generation)
    }
    return first
  }

  const stop = (): void => {
    running = false
    generation++
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
  }

  const getVariant = (flagKey: string, fallback: FallbackVariant, context: FlagContext, reportExposure = true): SelectedVariant => {
    const began = perfNow()
    const flag = typeof flagKey === 'string' ? definitions.get(flagKey) : undefined
    if (flag === undefined) return fallbackVariant(fallback, 'FLAG_NOT_FOUND', `no definition for flag ${describeKey(flagKey)}`)
    const result = evaluateDefinition(flag, context)
    if (result.source === 'fallback') return fallbackVariant(fallback, result.fallbackReason?.kind ?? 'NO_ROLLOUT_MATCH', result.fallbackReason?.message)
    const distinctId = distinctIdOf(context)
    if (reportExposure !== false && distinctId !== undefined) {
      const properties = exposureProperties(flagKey, result, { mode: 'local', latencyMs: perfNow() - began })
      exposures.dispatch({ distinctId, event: '$experiment_started', properties })
    }
    return result
  }

  const getVariantValue = (flagKey: string, fallbackValue: unknown, context: FlagContext): unknown => {
    const result = getVariant(flagKey, { variantValue: fallbackValue }, context)
    return result.source === 'fallback' ? fallbackValue : result.variantValue
  }

  const getAllVariants = (context: FlagContext): Readonly<Record<string, SelectedVariant>> =>
    Object.fromEntries([...definitions].map(([key, flag]) => [key, evaluateDefinition(flag, context)] as const).filter(([, v]) => v.source !== 'fallback'))

  const trackExposure = (flagKey: string, variant: SelectedVariant, context: FlagContext): T.Task<E.Either<MixpanelError, unknown>> => {
    const distinctId = distinctIdOf(context)
    if (distinctId === undefined) {
      return async () => E.left(validationError('context.distinct_id', 'must be a non-empty string: an exposure is tracked for a user'))
    }
    try {
      return exposures.send({ distinctId, event: '$experiment_started', properties: exposureProperties(String(flagKey), variant, { mode: 'local' }) })
    } catch (e) {
      return async () => E.left(validationError('variant', `could not be read (${e instanceof Error ? e.message : String(e)})`))
    }
  }

  return {
    start,
    stop,
    ready: () => loaded,
    refresh,
    getVariant,
    getVariantValue,
    isEnabled: (flagKey, context) => getVariantValue(flagKey, false, context) === true,
    getAllVariants,
    trackExposure,
    flush: exposures.flush,
  }
}
