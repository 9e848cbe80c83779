import { either as E, type taskEither as TE } from 'fp-ts'
import {
  normalizeConfig,
  recordsRejected,
  resolveEnv,
  validationError,
  type BuildEnv,
  type Config,
  type FailedRecord,
  type MixpanelError,
} from '@mp/core'
import { missingSecret } from '@mp/send'
import { importSender } from './importSender.ts'
import { prepareImportEvent } from './prepareImportEvent.ts'
import { IMPORT_LIMITS, readChunks } from './readChunks.ts'
import { safely } from './safely.ts'
import { sendChunks } from './sendChunks.ts'
import type { ImportEvent, ImportOptions, ImportReceipt } from './types.ts'

const DEFAULT_CONCURRENCY = 4
const MAX_CONCURRENCY = 64

type Source = Iterable<unknown> | AsyncIterable<unknown>

const isSource = (events: unknown): events is Source =>
  typeof events === 'object' &&
  events !== null &&
  (typeof (events as Partial<AsyncIterable<unknown>>)[Symbol.asyncIterator] === 'function' ||
    typeof (events as Partial<Iterable<unknown>>)[Symbol.iterator] === 'function')

const readOptions = (options: unknown): E.Either<MixpanelError, { concurrency: number; onProgress: ImportOptions['onProgress'] }> => {
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    return E.left(validationError('options', 'must be an object such as { concurrency: 4 }'))
  }
  const { concurrency = DEFAULT_CONCURRENCY, onProgress } = (options ?? {}) as { concurrency?: unknown; onProgress?: unknown }
  if (typeof concurrency !== 'number' || !Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
    return E.left(validationError('options.concurrency', `must be a whole number from 1 to ${MAX_CONCURRENCY}, got ${String(concurrency)}`))
  }
  if (onProgress !== undefined && typeof onProgress !== 'function') return E.left(validationError('options.onProgress', 'must be a function'))
  return E.right({ concurrency, onProgress: onProgress as ImportOptions['onProgress'] })
}

interface Plan {
  readonly chunks: ReturnType<typeof readChunks>
  readonly invalid: ReadonlyArray<FailedRecord>
  readonly deliver: ReturnType<typeof importSender>
  readonly concurrency: number
  readonly onProgress: ImportOptions['onProgress']
}

// Everything that reads the caller's config, events and options runs here, synchronously, so one
// `safely` turns a throwing getter or Proxy into a ValidationError; the sending after it never throws.
const plan = (config: Config, env: BuildEnv | undefined, events: unknown, options: unknown): E.Either<MixpanelError, Plan> => {
  const resolved = normalizeConfig(config)
  if (E.isLeft(resolved)) return resolved
  if (resolved.right.credentials === undefined) return E.left(missingSecret('importEvents (it sends to /import)'))
  if (!isSource(events)) return E.left(validationError('events', 'must be an array or an (async) iterable of { event, properties }'))
  const settings = readOptions(options)
  if (E.isLeft(settings)) return settings
  const { now } = resolveEnv(env)
  const token = resolved.right.token
  const invalid: FailedRecord[] = []
  const chunks = readChunks(
    events,
    (raw) => prepareImportEvent(raw, token, now()),
    (index, error) => invalid.push({ index, field: 'path' in error ? error.path : '', message: error.message }),
    IMPORT_LIMITS,
  )
  const deliver = importSender(config)
  return E.right({ chunks, invalid, deliver, ...settings.right })
}

const run = async ({ chunks, invalid, deliver, concurrency, onProgress }: Plan): Promise<E.Either<MixpanelError, ImportReceipt>> => {
  const tally = await sendChunks(chunks, deliver, concurrency, ({ sent, imported }) => onProgress?.({ sent, imported }))
  if (tally.fatal !== undefined) return E.left(tally.fatal)
  const failed = [...invalid, ...tally.refused].sort((a, b) => a.index - b.index)
  if (failed.length > 0) return E.left(recordsRejected('/import', failed, tally.imported))
  return E.right({ records: tally.read, imported: tally.imported, rejected: 0, chunks: tally.chunks, attempts: tally.attempts })
}

/**
 * Imports historical events in bulk: `importEvents(config, env?)(events, options?)`, where `events`
 * is an array or an (async) iterable of `{ event, properties }` (Mixpanel's export format).
 *
 * - Each event is checked up front against Mixpanel's `/import` rules (name, distinct id, time
 *   from 1971-01-01 to `env.now()` + 1 h, `$insert_id`, property limits, < 1 MB); a bad one is
 *   not sent and is reported by its position in `events`; the others still go.
 * - A missing `token` comes from the config; a missing `$insert_id` is derived from the event's
 *   content (`contentInsertId`: SHA-256 of its canonical JSON), so importing the same file again
 *   stores nothing twice.
 * - Records go in chunks of at most 2000 records and 10 MB of JSON, gzipped (unless
 *   `config.gzip` is `false`), `options.concurrency` (default 4) at a time, with `strict=1`.
 *   An iterable is read lazily: only the chunks in flight are held in memory.
 * - Right(`ImportReceipt`) when every record was imported; `RecordsRejected` (indices into
 *   `events`, `imported` counting what got in) when some were refused here or by Mixpanel; any
 *   other failure (network, 401, a source that throws) is returned as is, after the chunks in
 *   flight finish. Chunks sent before a failure stay imported; re-running is safe.
 * - `options.onProgress({ sent, imported })` runs after each chunk. Never throws or rejects.
 * @example
 * import { importEvents } from '@mp/events'
 * const result = await importEvents({ token: 'YOUR_TOKEN', apiSecret: 'YOUR_SECRET' })(
 *   [{ event: 'signup', properties: { distinct_id: 'user_1', time: 1_700_000_000 } }],
 *   { onProgress: ({ sent }) => console.log(`${sent} sent`) },
 * )()
 */
export const importEvents =
  (config: Config, env?: BuildEnv) =>
  (events: ReadonlyArray<ImportEvent> | AsyncIterable<ImportEvent> | Iterable<ImportEvent>, options?: ImportOptions): TE.TaskEither<MixpanelError, ImportReceipt> =>
  async () => {
    const planned = safely('input', () => plan(config, env, events, options))
    return E.isLeft(planned) ? planned : run(planned.right)
  }
