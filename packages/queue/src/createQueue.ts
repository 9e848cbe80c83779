import { either as E, type taskEither as TE } from 'fp-ts'
import {
  batchLimits,
  configError,
  isAliasRequest,
  isPermanent,
  networkError,
  normalizeConfig,
  queueClosed,
  queueFull,
  request,
  type Config,
  type Endpoint,
  type JsonObject,
  type MixpanelError,
  type MixpanelRequest,
  type Receipt,
} from '@mp/core'
import { missingSecret, send, sendPacked, unpackTexts, type PackedRecords } from '@mp/send'
import { createSemaphore } from './createSemaphore.ts'
import { measureRequest, type MeasuredRequest } from './measureRequest.ts'
import { createHeldLog, type HeldLog } from './createHeldLog.ts'
import { holdText } from './holdText.ts'
import { mergeBySeq } from './mergeBySeq.ts'
import { packHeld, type PackedBatch } from './packHeld.ts'
import { resolveQueueOptions } from './resolveQueueOptions.ts'
import { startInterval } from './startInterval.ts'
import { summarize, type BatchOutcome } from './summarize.ts'
import type { ErrorContext, FlushReport, Queue, QueueOptions, Queued, Sender } from './types.ts'

// Records held for one endpoint and auth as the UTF-8 of their JSON in one buffer (createHeldLog.ts):
// each record's object and text die young, and a backlog is bytes the garbage collector never walks.
interface Group {
  readonly endpoint: Endpoint
  readonly auth: 'token' | 'secret'
  held: HeldLog
}

interface Batch extends PackedBatch {
  readonly group: Group
}

// A buffer a flush emptied is written over by the next records, unless a burst grew it past this.
const KEPT_BUFFER_BYTES = 4 * 1024 * 1024

// A sender that throws or rejects breaks its own contract; treat that like a network failure
// (transient), so the records stay held instead of vanishing.
const runSafely = async (endpoint: Endpoint, task: () => TE.TaskEither<MixpanelError, Receipt>): Promise<E.Either<MixpanelError, Receipt>> => {
  try {
    return await task()()
  } catch (cause) {
    return E.left(networkError(endpoint, 1, cause instanceof Error ? cause.message : 'the transport failed'))
  }
}

// A task that answers `error`; written out, as `TE.left` would bring fp-ts's Task instances along.
const failing =
  <A>(error: MixpanelError): TE.TaskEither<MixpanelError, A> =>
  async () =>
    E.left(error)

const refusing = (error: MixpanelError): Queue => ({
  enqueue: () => E.left(error),
  deliver: () => failing(error),
  flush: () => failing(error),
  close: () => failing(error),
  size: 0,
})

/**
 * Creates a batching queue: the successor of mixpanel-python's `BufferedConsumer`, without its
 * defects. Records are grouped by endpoint and auth and sent in batches of up to 2000 records
 * (and a safe byte cap per endpoint); a record leaves the queue only once Mixpanel acknowledged
 * its batch; a delivered batch is never sent again because another one failed; a batch in
 * flight belongs to exactly one flush; memory is bounded by `maxQueued` (then `QueueFull`, never
 * a silent drop). `$create_alias` requests are never held: they go out at once.
 *
 * A bad config or bad options make every call answer the same `ConfigError`; nothing is held.
 * @example
 * import { createQueue } from '@mp/queue'
 * const queue = createQueue({ token, apiSecret }, { flushAt: 500, flushIntervalMs: 5000, onError: console.error })
 * pipe(buildTrackPayload({ token, distinctId: 'u1', event: 'signup' }), E.flatMap(queue.enqueue))
 * const report = await queue.close()()   // Right({ delivered: 1, failed: 0, … })
 */
export const createQueue = (config: Config, options?: QueueOptions): Queue => {
  try {
    return build(config, options)
  } catch {
    // Only hostile config or options objects (throwing getters, proxies) get here.
    return refusing(configError('', 'the config or queue options could not be read'))
  }
}

const build = (config: Config, options: QueueOptions | undefined): Queue => {
  const resolved = normalizeConfig(config)
  if (E.isLeft(resolved)) return refusing(resolved.left)
  const opts = resolveQueueOptions(options)
  if (E.isLeft(opts)) return refusing(opts.left)
  const { maxQueued, batchSize, flushAt, flushIntervalMs, concurrency, onError } = opts.right
  const custom = opts.right.send
  const sender: Sender = custom ?? send(config)
  // Batches go out as the bytes they are held as; a custom sender gets a descriptor whose records are
  // parsed back from them (the JSON of what was enqueued, which is all a batch ever carries).
  const sendHeld =
    custom === undefined
      ? sendPacked(resolved.right)
      : (endpoint: Endpoint, auth: 'token' | 'secret', packed: PackedRecords) =>
          custom(request(endpoint, auth, unpackTexts(packed).map((text) => JSON.parse(text) as JsonObject)))
  /** A `secret` request could never be sent without credentials: refused at once, like `send` would. */
  const lacksSecret = (measured: MeasuredRequest): boolean => measured.auth === 'secret' && resolved.right.credentials === undefined

  // Grouping by endpoint + auth is enough: every credential comes from this queue's one config,
  // so endpoint + auth fixes the exact HTTP request (URL, query, Authorization). mixpanel-python
  // keeps one `_api_key` per consumer instead, and the last call's auth wins for every buffer.
  const groups = new Map<string, Group>()
  const limit = createSemaphore(concurrency)
  /** Every batch send and immediate send not yet settled; their promises never reject. */
  const busy = new Set<Promise<unknown>>()
  /** Outcomes of immediate (`$create_alias`) sends, waiting for the next flush report. */
  const immediate: BatchOutcome[] = []
  let held = 0
  let inFlight = 0
  let seq = 0
  let closed = false
  let autoRunning = false

  const size = (): number => held + inFlight

  /** Passes a failed outcome to `onError`; answers whether it failed. */
  const reportFailure = (source: ErrorContext['source'], { result, ...context }: BatchOutcome): boolean => {
    if (E.isRight(result)) return false
    try {
      onError?.(result.left, { source, ...context })
    } catch {
      // A throwing onError must not break delivery bookkeeping.
    }
    return true
  }

  const track = <A>(promise: Promise<A>): Promise<A> => {
    busy.add(promise)
    const done = (): void => void busy.delete(promise)
    promise.then(done, done)
    return promise
  }

  /** Moves every held record into batches owned by the caller. */
  const claim = (): Batch[] => {
    const batches: Batch[] = []
    for (const group of groups.values()) {
      const log = group.held
      const count = log.seqs.length
      if (count === 0) continue
      for (const batch of packHeld(log, { records: batchSize, bytes: batchLimits(group.endpoint).bytes })) batches.push({ group, ...batch })
      group.held = createHeldLog(log.buffer.length <= KEPT_BUFFER_BYTES ? log.buffer : undefined)
      held -= count
      inFlight += count
    }
    return batches
  }

  const sendBatch = async (batch: Batch): Promise<BatchOutcome> => {
    const { group, packed, seqs } = batch
    const result = await runSafely(group.endpoint, () => sendHeld(group.endpoint, group.auth, packed))
    inFlight -= seqs.length
    const kept = E.isLeft(result) && !isPermanent(result.left)
    if (kept) {
      group.held = mergeBySeq(group.held, batch)
      held += seqs.length
    }
    return { endpoint: group.endpoint, records: seqs.length, result, kept }
  }

  const runFlush = async (): Promise<{ readonly report: FlushReport; readonly own: ReadonlyArray<BatchOutcome> }> => {
    // Work already in flight (another flush's batches, immediate sends) is waited for, not
    // re-sent: a flush answers once everything enqueued before it has been attempted.
    const others = [...busy]
    const own = await Promise.all(claim().map((batch) => track(limit.run(() => sendBatch(batch)))))
    await Promise.all(others)
    return { report: summarize([...own, ...immediate.splice(0)], size()), own }
  }

  const flushReport = (): Promise<E.Either<MixpanelError, FlushReport>> => runFlush().then(({ report }) => E.right(report))

  const autoFlush = (): void => {
    if (autoRunning) return
    autoRunning = true
    void runFlush().then(({ own }) => {
      autoRunning = false
      let failed = false
      for (const outcome of own) if (reportFailure('autoFlush', outcome)) failed = true
      // Keep draining while it works; after a failure wait for the next trigger rather than spin.
      if (!failed && !closed && flushAt !== undefined && held >= flushAt) autoFlush()
    })
  }

  const tick = (): void => {
    if (held > 0) autoFlush()
  }
  const stopTimer = flushIntervalMs === undefined ? undefined : startInterval(tick, flushIntervalMs)

  const sendNow = (measured: MeasuredRequest): TE.TaskEither<MixpanelError, Receipt> => {
    if (lacksSecret(measured)) return failing(missingSecret(measured.endpoint))
    const req = request(measured.endpoint, measured.auth, measured.records)
    return () => track(runSafely(req.endpoint, () => sender(req)))
  }

  const queued = (measured: MeasuredRequest, status: Queued['status']): E.Either<MixpanelError, Queued> =>
    E.right({ endpoint: measured.endpoint, records: measured.records.length, status, size: size() })

  const sendAliasNow = (measured: MeasuredRequest): E.Either<MixpanelError, Queued> => {
    const records = measured.records.length
    // Tracked as one promise with its bookkeeping, so a flush that waits for it also sees its outcome.
    void track(
      sendNow(measured)().then((result) => {
        const outcome = { endpoint: measured.endpoint, records, result, kept: false }
        immediate.push(outcome)
        reportFailure('alias', outcome)
      }),
    )
    return queued(measured, 'sending')
  }

  const hold = (measured: MeasuredRequest): E.Either<MixpanelError, Queued> => {
    const count = measured.records.length
    if (size() + count > maxQueued) return E.left(queueFull(maxQueued))
    // Token requests, nearly all of them, are keyed by the endpoint string itself: no new string per enqueue.
    const key = measured.auth === 'token' ? measured.endpoint : `${measured.endpoint} secret`
    let group = groups.get(key)
    if (group === undefined) {
      group = { endpoint: measured.endpoint, auth: measured.auth, held: createHeldLog() }
      groups.set(key, group)
    }
    for (let index = 0; index < count; index++) holdText(group.held, measured.texts[index] as string, measured.bytes[index] as number, seq++)
    held += count
    if (flushAt !== undefined && held >= flushAt) autoFlush()
    return queued(measured, 'held')
  }

  const accept = (input: unknown): E.Either<MixpanelError, MeasuredRequest> => (closed ? E.left(queueClosed()) : measureRequest(input))

  return {
    enqueue: (input) => {
      const measured = accept(input)
      if (E.isLeft(measured)) return measured
      if (isAliasRequest(measured.right)) return sendAliasNow(measured.right)
      if (lacksSecret(measured.right)) return E.left(missingSecret(measured.right.endpoint))
      return hold(measured.right)
    },
    deliver: (input) => {
      const measured = accept(input)
      return E.isLeft(measured) ? failing(measured.left) : sendNow(measured.right)
    },
    flush: () => flushReport,
    close: () => () => {
      closed = true
      stopTimer?.()
      return flushReport()
    },
    get size() {
      return size()
    },
  }
}
