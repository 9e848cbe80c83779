import { either as E } from 'fp-ts'
import { configError, MAX_BATCH_RECORDS, type ConfigError } from '@mp/core'
import type { OutboxSenderOptions } from './types.ts'

/** Sender options with defaults filled in and every field checked. */
export interface ResolvedSenderOptions {
  readonly batchSize: number
  readonly concurrency: number
  readonly leaseMs: number
  readonly pollMs: number
  readonly backoffMs: number
  readonly maxBackoffMs: number
  readonly name: string
  readonly table: unknown
  readonly onError: OutboxSenderOptions['onError']
  readonly send: OutboxSenderOptions['send']
}

/** The defaults `resolveSenderOptions` fills in (besides a random `name`). */
export const SENDER_DEFAULTS = { batchSize: MAX_BATCH_RECORDS, concurrency: 4, leaseMs: 30_000, pollMs: 1000, backoffMs: 1000, maxBackoffMs: 300_000 } as const

// Each numeric option: its unit for the message, and its ceiling. A lease under 30 ms would expire
// between two renewals of a busy event loop.
const LIMITS: ReadonlyArray<readonly [name: keyof typeof SENDER_DEFAULTS, unit: string, least: number, most: number]> = [
  ['batchSize', 'records', 1, MAX_BATCH_RECORDS],
  ['concurrency', 'claims', 1, 64],
  ['leaseMs', 'milliseconds', 30, 2 ** 31 - 1],
  ['pollMs', 'milliseconds', 1, 2 ** 31 - 1],
  ['backoffMs', 'milliseconds', 0, 2 ** 31 - 1],
  ['maxBackoffMs', 'milliseconds', 0, 2 ** 31 - 1],
]

/**
 * Checks a sender's options and fills in the defaults: claims of 2000 rows, 4 in flight, a 30 s
 * lease, polling every second, backoff from 1 s doubling to 5 minutes, a random name.
 * @example
 * resolveSenderOptions({ leaseMs: 10_000 })
 * // Right({ batchSize: 2000, concurrency: 4, leaseMs: 10000, pollMs: 1000, backoffMs: 1000, maxBackoffMs: 300000, name: '…', … })
 */
export const resolveSenderOptions = (options: unknown = {}): E.Either<ConfigError, ResolvedSenderOptions> => {
  if (typeof options !== 'object' || options === null) return E.left(configError('sender', 'sender options must be an object such as { leaseMs: 30000 }'))
  const given = options as Record<string, unknown>
  const resolved: Record<string, unknown> = {}
  for (const [name, unit, least, most] of LIMITS) {
    const value = given[name] ?? SENDER_DEFAULTS[name]
    if (!(Number.isInteger(value) && (value as number) >= least && (value as number) <= most)) {
      return E.left(configError(name, `must be a whole number of ${unit} from ${least} to ${most}`))
    }
    resolved[name] = value
  }
  if ((resolved['maxBackoffMs'] as number) < (resolved['backoffMs'] as number)) return E.left(configError('maxBackoffMs', 'must be at least backoffMs'))
  for (const name of ['onError', 'send']) {
    if (given[name] !== undefined && typeof given[name] !== 'function') return E.left(configError(name, 'must be a function'))
    resolved[name] = given[name]
  }
  const name = given['name'] ?? globalThis.crypto.randomUUID()
  if (typeof name !== 'string' || name.trim() === '' || name.length > 200) return E.left(configError('name', 'must be a non-empty string of at most 200 characters'))
  return E.right({ ...resolved, name, table: given['table'] } as unknown as ResolvedSenderOptions)
}
