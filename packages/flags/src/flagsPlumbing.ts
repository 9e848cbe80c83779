import type { BuildEnv, Config, MixpanelError, RetryPolicy } from '@mp/core'
import { track } from '@mp/events'
import { createExposureSender, type ExposureSender } from './createExposureSender.ts'
import { readContext } from './readContext.ts'
import { safeCall } from './safeCall.ts'
import type { ExposureTracker, FlagsErrorHandler } from './types.ts'

/** Options both providers share. */
export interface FlagsOptions {
  /** Receives what is never thrown: failed refreshes, skipped definitions, failed exposures. */
  readonly onError?: FlagsErrorHandler
  /** Sends exposure events; default `track(config, env)` from `@mp/events`. Give a queue's `add` to batch them. */
  readonly track?: ExposureTracker
  /** Clock and insert ids for the default `track`; `now` also times remote fetches. */
  readonly env?: BuildEnv
  /** Retries of flag API requests. Default none, as in mixpanel-python (polling tries again anyway). */
  readonly retry?: RetryPolicy
}

/** What both providers are built from. */
export interface FlagsPlumbing {
  /** The config for flag API requests (`retry` from the options). */
  readonly flagsConfig: Config
  readonly token: string
  readonly report: FlagsErrorHandler
  readonly exposures: ExposureSender
  readonly now: () => number
}

const copyConfig = (config: Config, retry: RetryPolicy): Config => {
  try {
    return { ...config, retry }
  } catch {
    // A hostile config object: normalizeConfig (inside fetchFlags) reports it as a ConfigError.
    return config
  }
}

/**
 * Builds what both providers share: the flag API config, an error reporter that never throws,
 * and the exposure sender (options.track, else `track` from `@mp/events`).
 * @internal
 * @example
 * const { flagsConfig, exposures, report } = flagsPlumbing(config, options)
 */
export const flagsPlumbing = (config: Config, options: FlagsOptions | undefined): FlagsPlumbing => {
  const onError = readContext(options, 'onError') as FlagsErrorHandler | undefined
  const report: FlagsErrorHandler = (error: MixpanelError, operation) => safeCall(onError, error, operation)
  const custom = readContext(options, 'track')
  const env = readContext(options, 'env') as BuildEnv | undefined
  const tracker: ExposureTracker = typeof custom === 'function' ? (custom as ExposureTracker) : track(config, env)
  const retry = (readContext(options, 'retry') as RetryPolicy | undefined) ?? { limit: 0 }
  const token = readContext(config, 'token')
  const now = readContext(env, 'now')
  return {
    flagsConfig: copyConfig(config, retry),
    token: typeof token === 'string' ? token.trim() : '',
    report,
    exposures: createExposureSender(tracker, (error) => report(error, 'exposure')),
    now: typeof now === 'function' ? (now as () => number) : Date.now,
  }
}
