import { either as E } from 'fp-ts'
import { configError, MAX_BATCH_RECORDS, type ConfigError } from '@mp/core'
import type { QueueOptions } from './types.ts'

/** Queue options with defaults filled in and every field checked. */
export interface ResolvedQueueOptions {
  readonly maxQueued: number
  readonly batchSize: number
  readonly flushAt: number | undefined
  readonly flushIntervalMs: number | undefined
  readonly concurrency: number
  readonly onError: QueueOptions['onError']
  readonly send: QueueOptions['send']
}

/** The defaults `resolveQueueOptions` fills in. */
export const QUEUE_DEFAULTS = { maxQueued: 100_000, batchSize: MAX_BATCH_RECORDS, concurrency: 4 } as const

// Every numeric option is a whole number of something, at least 1; the message names the unit.
const COUNTS: ReadonlyArray<readonly [name: string, unit: string]> = [
  ['maxQueued', 'records'],
  ['batchSize', 'records'],
  ['concurrency', 'batches'],
  ['flushAt', 'records'],
  ['flushIntervalMs', 'milliseconds'],
]

/**
 * Checks queue options and fills in the defaults: 100 000 records held at most, batches of
 * 2000, 4 batches in flight, no automatic flush.
 * @example
 * resolveQueueOptions({ flushAt: 500 })
 * // Right({ maxQueued: 100000, batchSize: 2000, flushAt: 500, flushIntervalMs: undefined, concurrency: 4, … })
 */
export const resolveQueueOptions = (options: unknown = {}): E.Either<ConfigError, ResolvedQueueOptions> => {
  if (typeof options !== 'object' || options === null) return E.left(configError('queue', 'queue options must be an object such as { flushAt: 500 }'))
  const given = options as Record<string, unknown>
  const resolved: Record<string, unknown> = {}
  for (const [name, unit] of COUNTS) {
    const fallback: number | undefined = QUEUE_DEFAULTS[name as keyof typeof QUEUE_DEFAULTS]
    // Where there is a default, `null` means "not given" too.
    const value = fallback === undefined ? given[name] : (given[name] ?? fallback)
    const most = name === 'batchSize' ? MAX_BATCH_RECORDS : Infinity
    if (value !== undefined && !(Number.isInteger(value) && (value as number) >= 1 && (value as number) <= most)) {
      const limit = most === Infinity ? '' : ` and at most ${most} (Mixpanel's per-request limit)`
      return E.left(configError(name, `must be a whole number of ${unit}, at least 1${limit}`))
    }
    resolved[name] = value
  }
  for (const name of ['onError', 'send']) {
    if (given[name] !== undefined && typeof given[name] !== 'function') return E.left(configError(name, 'must be a function'))
    resolved[name] = given[name]
  }
  return E.right(resolved as unknown as ResolvedQueueOptions)
}
