import type { taskEither as TE, either as E } from 'fp-ts'
import type { Endpoint, MixpanelError, MixpanelRequest, Receipt } from '@mp/core'

/** What `enqueue` answers once the queue took responsibility for a request's records. */
export interface Queued {
  readonly endpoint: Endpoint
  /** Records taken from this request. */
  readonly records: number
  /**
   * `'held'`: the records wait for a flush. `'sending'`: an `$create_alias` request, which a
   * queue never holds; it went out at once and its outcome lands in the next flush report
   * (and in `onError` if it failed).
   */
  readonly status: 'held' | 'sending'
  /** Records the queue is responsible for after this call (held plus in flight). */
  readonly size: number
}

/** Delivery totals of one endpoint within a flush. */
export interface EndpointReport {
  /** Records Mixpanel acknowledged. */
  readonly delivered: number
  /** Records whose batch failed (see `FlushReport.failures` for whether they are still held). */
  readonly failed: number
  /** Batches sent (one `send` call each). */
  readonly batches: number
  /** HTTP attempts, retries included. */
  readonly attempts: number
}

/** One batch that did not go through. */
export interface BatchFailure {
  readonly endpoint: Endpoint
  /** Records of the batch that did not go through (for `RecordsRejected`, the refused ones only; the rest count as delivered). */
  readonly records: number
  readonly error: MixpanelError
  /**
   * `true`: the error is transient (network, timeout, 429, 5xx) and the records are held for
   * the next flush. `false`: retrying can never succeed (validation, rejected data, 4xx, too
   * large), so the batch left the queue and this report is the last word on it.
   */
  readonly kept: boolean
}

/** What a flush (or close) did. Delivery failures are reported here, never thrown. */
export interface FlushReport {
  /** Records acknowledged by Mixpanel during this flush. */
  readonly delivered: number
  /** Records in failed batches (kept or dropped). */
  readonly failed: number
  /** HTTP attempts made, retries included. */
  readonly attempts: number
  /** Records the queue still holds once this flush is over (held plus in flight elsewhere). */
  readonly remaining: number
  readonly endpoints: Readonly<Partial<Record<Endpoint, EndpointReport>>>
  readonly failures: ReadonlyArray<BatchFailure>
}

/** Where an error passed to `onError` came from. */
export interface ErrorContext {
  readonly source: 'autoFlush' | 'alias'
  readonly endpoint: Endpoint
  readonly records: number
  /** Whether the records are still held for a later flush. */
  readonly kept: boolean
}

/** Sends one request; `send(config)` from `@mp/send` by default. */
export type Sender = (request: MixpanelRequest) => TE.TaskEither<MixpanelError, Receipt>

/** How a queue batches and when it flushes by itself. Every field is optional. */
export interface QueueOptions {
  /** Most records held at once (held plus in flight); beyond it `enqueue` answers `QueueFull`. Default 100 000. */
  readonly maxQueued?: number
  /** Records per batch, 1 to 2000 (Mixpanel's per-request limit). Default 2000. */
  readonly batchSize?: number
  /** Start a flush by itself once this many records wait. Default: never. */
  readonly flushAt?: number
  /** Start a flush by itself every so many milliseconds while records wait. The timer never keeps a process alive. Default: never. */
  readonly flushIntervalMs?: number
  /** Batches in flight at once, across all flushes. Default 4. */
  readonly concurrency?: number
  /** Receives errors of automatic flushes and of immediate `$create_alias` sends. Must not throw (if it does, the throw is ignored). */
  readonly onError?: (error: MixpanelError, context: ErrorContext) => void
  /**
   * Replaces the transport (tests, custom pipelines). Default `send(config)`; it does the retries.
   * The queue holds each record as its JSON text, so the batches a custom sender gets carry records
   * parsed back from those texts: equal, as JSON, to what was enqueued, but not the same objects.
   */
  readonly send?: Sender
}

/** The batching buffer: successor of mixpanel-python's `BufferedConsumer`. */
export interface Queue {
  /** Takes a request's records (Right once held) or says why not: `QueueFull`, `QueueClosed`, `ValidationError`, `ConfigError`. */
  enqueue(request: MixpanelRequest): E.Either<MixpanelError, Queued>
  /** Sends a request at once, bypassing the buffer (what `$create_alias` needs). */
  deliver(request: MixpanelRequest): TE.TaskEither<MixpanelError, Receipt>
  /** Sends every held record in batches; resolves when those batches, and all work already in flight, are done. */
  flush(): TE.TaskEither<MixpanelError, FlushReport>
  /** Refuses new records from now on (`QueueClosed`), stops the timer, then flushes. */
  close(): TE.TaskEither<MixpanelError, FlushReport>
  /** Records the queue is responsible for: held plus in flight. */
  readonly size: number
}
