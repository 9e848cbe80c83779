import { either as E } from 'fp-ts'
import { configError, type ConfigError } from '@mp/core'
import { MAX_BATCH_RECORDS } from './batchLimits.ts'
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

const positiveInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x > 0

/**
 * Checks queue options and fills in the defaults: 100 000 records held at most, batches of
 * 2000, 4 batches in flight, no automatic flush.
 * @example
 * resolveQueueOptions({ flushAt: 500 })
 * // Right({ maxQueued: 100000, batchSize: 2000, flushAt: 500, flushIntervalMs: undefined, concurrency: 4, … })
 */
export const resolveQueueOptions = (options: unknown): E.Either<ConfigError, ResolvedQueueOptions> => {
  if (options === undefined) options = {}
  if (typeof options !== 'object' || options === null) return E.left(configError('queue', 'queue options must be an object such as { flushAt: 500 }'))
  const o = options as Record<string, unknown>
  const maxQueued = o['maxQueued'] ?? QUEUE_DEFAULTS.maxQueued
  const batchSize = o['batchSize'] ?? QUEUE_DEFAULTS.batchSize
  const concurrency = o['concurrency'] ?? QUEUE_DEFAULTS.concurrency
  const { flushAt, flushIntervalMs, onError, send } = o
  if (!positiveInt(maxQueued)) return E.left(configError('maxQueued', 'must be a whole number of records ≥ 1'))
  if (!positiveInt(batchSize) || batchSize > MAX_BATCH_RECORDS) {
    return E.left(configError('batchSize', `must be a whole number from 1 to ${MAX_BATCH_RECORDS} (Mixpanel's per-request limit)`))
  }
  if (!positiveInt(concurrency)) return E.left(configError('concurrency', 'must be a whole number of batches ≥ 1'))
  if (flushAt !== undefined && !positiveInt(flushAt)) return E.left(configError('flushAt', 'must be a whole number of records ≥ 1'))
  if (flushIntervalMs !== undefined && !positiveInt(flushIntervalMs)) {
    return E.left(configError('flushIntervalMs', 'must be a whole number of milliseconds ≥ 1'))
  }
  if (onError !== undefined && typeof onError !== 'function') return E.left(configError('onError', 'must be a function'))
  if (send !== undefined && typeof send !== 'function') return E.left(configError('send', 'must be a function'))
  return E.right({
    maxQueued,
    batchSize,
    concurrency,
    flushAt,
    flushIntervalMs,
    onError: onError as QueueOptions['onError'],
    send: send as QueueOptions['send'],
  })
}
