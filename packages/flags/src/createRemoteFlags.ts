import { either as E, type task as T } from 'fp-ts'
import { LIB_NAME, LIB_VERSION, toJsonObject, validationError, type Config, type MixpanelError } from '@mp/core'
import { fetchFlags } from '@mp/send'
import { backendErrorMessage } from './backendErrorMessage.ts'
import { exposureProperties } from './exposureProperties.ts'
import { fallbackVariant } from './fallbackVariant.ts'
import { flagsPlumbing, type FlagsOptions } from './flagsPlumbing.ts'
import { parseRemoteResponse } from './parseRemoteResponse.ts'
import { readContext } from './readContext.ts'
import type { FallbackVariant, FlagContext, SelectedVariant } from './types.ts'

/** Options of `createRemoteFlags`. */
export type RemoteFlagsOptions = FlagsOptions

/** Feature flags evaluated by Mixpanel's `/flags` API, one request per call. Every Task resolves, none rejects. */
export interface RemoteFlags {
  /** The variant for a context, or the fallback with its reason (`BACKEND_ERROR` on any failure). Sends an exposure unless told not to. */
  readonly getVariant: (flagKey: string, fallback: FallbackVariant, context: FlagContext, reportExposure?: boolean) => T.Task<SelectedVariant>
  /** The variant's value, or `fallbackValue`. Sends an exposure. */
  readonly getVariantValue: (flagKey: string, fallbackValue: unknown, context: FlagContext) => T.Task<unknown>
  /** Whether the variant's value is exactly `true` (false on any failure). Sends an exposure. */
  readonly isEnabled: (flagKey: string, context: FlagContext) => T.Task<boolean>
  /**
   * Every flag the context is assigned, or the error (where mixpanel-python answers `None`).
   * Sends no exposures.
   */
  readonly getAllVariants: (context: FlagContext) => T.Task<E.Either<MixpanelError, Readonly<Record<string, SelectedVariant>>>>
  /** Sends an exposure for a variant obtained earlier (e.g. from `getAllVariants`), without timings. */
  readonly trackExposure: (flagKey: string, variant: SelectedVariant, context: FlagContext) => T.Task<E.Either<MixpanelError, unknown>>
  /** Waits until every exposure sent so far has been answered. */
  readonly flush: () => T.Task<void>
}

interface Fetched {
  readonly flags: Readonly<Record<string, SelectedVariant>>
  readonly startMs: number
  readonly endMs: number
}

const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e))

// Runs a body so that whatever a caller-supplied hook throws (a clock, a getter) still resolves.
const guarded =
  <A>(run: () => Promise<A>, recover: (e: unknown) => A): T.Task<A> =>
  async () => {
    try {
      return await run()
    } catch (e) {
      return recover(e)
    }
  }

const distinctIdOf = (context: unknown): string | undefined => {
  const id = readContext(context, 'distinct_id')
  return typeof id === 'string' && id !== '' ? id : undefined
}

/**
 * Remote evaluation, as mixpanel-python's `RemoteFeatureFlagsProvider`: `GET /flags` with the
 * context as JSON (plus `flag_key` for a single flag), Basic auth with the token or the service
 * account (plus `project_id`). Every method answers a `Task` that never rejects: a failure of any
 * kind resolves to the fallback with `BACKEND_ERROR` and a message (`HTTP 500: …`) that never
 * holds the token or a URL; a flag missing from the answer is `FLAG_NOT_FOUND`. Exposures carry
 * the fetch start/complete times and latency, and go through `track` or `options.track`.
 * @example
 * import { createRemoteFlags } from '@mp/flags'
 * const flags = createRemoteFlags({ token: 'YOUR_TOKEN' })
 * const variant = await flags.getVariant('new_checkout', { variantValue: false }, { distinct_id: 'user_1' })()
 * // { variantKey: 'on', variantValue: true, source: 'remote' }, or the fallback with its reason
 */
export const createRemoteFlags = (config: Config, options?: RemoteFlagsOptions): RemoteFlags => {
  const { flagsConfig, token, exposures, now } = flagsPlumbing(config, options)
  const fetchRemote = fetchFlags(flagsConfig)

  const request = async (context: FlagContext, flagKey?: string): Promise<E.Either<MixpanelError, Fetched>> => {
    const json = toJsonObject(context, 'context')
    if (E.isLeft(json)) return json
    const query = {
      context: JSON.stringify(json.right),
      mp_lib: LIB_NAME,
      lib_version: LIB_VERSION,
      ...(flagKey === undefined ? {} : { flag_key: flagKey }),
    }
    const startMs = now()
    const answer = await fetchRemote({ path: '/flags', query })()
    const endMs = now()
    if (E.isLeft(answer)) return answer
    const flags = parseRemoteResponse(answer.right)
    return E.isLeft(flags) ? flags : E.right({ flags: flags.right, startMs, endMs })
  }

  const getVariant = (flagKey: string, fallback: FallbackVariant, context: FlagContext, reportExposure = true): T.Task<SelectedVariant> =>
    guarded(async () => {
      if (typeof flagKey !== 'string' || flagKey === '') {
        return fallbackVariant(fallback, 'FLAG_NOT_FOUND', 'the flag key must be a non-empty string')
      }
      const answer = await request(context, flagKey)
      if (E.isLeft(answer)) return fallbackVariant(fallback, 'BACKEND_ERROR', backendErrorMessage(answer.left, token))
      const { flags, startMs, endMs } = answer.right
      const variant = Object.hasOwn(flags, flagKey) ? flags[flagKey] : undefined
      if (variant === undefined) return fallbackVariant(fallback, 'FLAG_NOT_FOUND', `the /flags answer has no flag ${JSON.stringify(flagKey)}`)
      const distinctId = distinctIdOf(context)
      if (reportExposure !== false && distinctId !== undefined) {
        const properties = exposureProperties(flagKey, variant, { mode: 'remote', fetch: { startMs, endMs } })
        exposures.dispatch({ distinctId, event: '$experiment_started', properties })
      }
      return variant
    }, (e) => fallbackVariant(fallback, 'BACKEND_ERROR', backendErrorMessage(validationError('flags', `evaluation failed: ${describe(e)}`), token)))

  const getVariantValue =
    (flagKey: string, fallbackValue: unknown, context: FlagContext): T.Task<unknown> =>
    async () => {
      const result = await getVariant(flagKey, { variantValue: fallbackValue }, context)()
      return result.source === 'fallback' ? fallbackValue : result.variantValue
    }

  const getAllVariants = (context: FlagContext): T.Task<E.Either<MixpanelError, Readonly<Record<string, SelectedVariant>>>> =>
    guarded(
      async () => {
        const answer = await request(context)
        return E.isLeft(answer) ? answer : E.right(answer.right.flags)
      },
      (e) => E.left(validationError('flags', `evaluation failed: ${describe(e)}`)),
    )

  const trackExposure = (flagKey: string, variant: SelectedVariant, context: FlagContext): T.Task<E.Either<MixpanelError, unknown>> => {
    const distinctId = distinctIdOf(context)
    if (distinctId === undefined) {
      return async () => E.left(validationError('context.distinct_id', 'must be a non-empty string: an exposure is tracked for a user'))
    }
    try {
      return exposures.send({ distinctId, event: '$experiment_started', properties: exposureProperties(String(flagKey), variant, { mode: 'remote' }) })
    } catch (e) {
      return async () => E.left(validationError('variant', `could not be read (${describe(e)})`))
    }
  }

  return {
    getVariant,
    getVariantValue,
    isEnabled: (flagKey, context) => async () => (await getVariantValue(flagKey, false, context)()) === true,
    getAllVariants,
    trackExposure,
    flush: exposures.flush,
  }
}
