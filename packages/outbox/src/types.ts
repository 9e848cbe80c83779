import type { task as T, taskEither as TE } from 'fp-ts'
import type { Endpoint, MixpanelError, MixpanelRequest, Receipt } from '@mp/core'

/**
 * The one thing the outbox needs from a database driver. A `pg` `Pool`, `Client` or `PoolClient`,
 * a PGlite instance and PGlite's transaction object fit as they are; no driver is a dependency.
 */
export interface SqlClient {
  query(text: string, params?: ReadonlyArray<unknown>): Promise<{ readonly rows: ReadonlyArray<Record<string, unknown>> }>
}

/** Where the outbox keeps its rows. */
export interface OutboxOptions {
  /**
   * Table name, optionally schema-qualified (`events.mp_outbox`): lower-case letters, digits and
   * `_`. Default `mp_outbox`. Permanent failures go to the same name plus `_dead`.
   */
  readonly table?: string
}

/** Options of one `enqueue` call. */
export interface EnqueueOptions {
  /** The caller's transaction client: the records are written in that transaction and vanish with its rollback. */
  readonly db?: SqlClient
}

/** The write side: the schema and `enqueue`, to call inside your own transactions. */
export interface Outbox {
  /** Creates the outbox and dead-letter tables and their index if they are missing. Idempotent, safe from several processes at once. */
  migrate(): TE.TaskEither<MixpanelError, void>
  /**
   * Writes a request's records, one row each, in enqueue order; with `{ db: tx }` inside your
   * transaction. Refuses what `send` would refuse (`ValidationError`) before writing anything.
   */
  enqueue(request: MixpanelRequest, options?: EnqueueOptions): TE.TaskEither<MixpanelError, { readonly records: number }>
}

/** Sends one request; `send(config)` from `@mp/send` by default. */
export type Sender = (request: MixpanelRequest) => TE.TaskEither<MixpanelError, Receipt>

/** What happened to the rows of a batch that failed, or which bookkeeping statement failed. */
export type SenderErrorContext =
  | {
      /** `rescheduled`: transient, retried after a backoff. `dead-lettered`: moved to the `_dead` table. */
      readonly kind: 'rescheduled' | 'dead-lettered'
      readonly endpoint: Endpoint
      readonly records: number
    }
  | {
      /**
       * `poll`: a drain started by `start()` failed (a database statement, or the sender's own
       * `ConfigError`); polling carries on. `lease`: renewing the lease of rows being sent failed;
       * if it keeps failing, another sender may take those rows once the lease runs out.
       */
      readonly kind: 'poll' | 'lease'
    }

/** How a sender claims, batches and retries. Every field is optional. */
export interface OutboxSenderOptions {
  /** The outbox's table, as given to `createOutbox`. Default `mp_outbox`. */
  readonly table?: string
  /** Rows claimed at once, and records per request at most: 1 to 2000 (Mixpanel's limit). Default 2000. */
  readonly batchSize?: number
  /** Claims in flight at once in this sender. Default 4. */
  readonly concurrency?: number
  /**
   * How long a claim holds its rows. A live sender renews it every third of this while it sends;
   * a sender that dies stops renewing, and its rows are free for any sender once it runs out.
   * Default 30 000.
   */
  readonly leaseMs?: number
  /** `start()` looks for due rows this often. Default 1000. */
  readonly pollMs?: number
  /** First wait before a transiently failed row is tried again; doubles per attempt. Default 1000. */
  readonly backoffMs?: number
  /** The longest wait between two attempts of a row. Default 300 000 (5 minutes). */
  readonly maxBackoffMs?: number
  /** Shown in the `locked_by` column of claimed rows, so you can see which machine holds what. Default: a random UUID. */
  readonly name?: string
  /** Receives every failed batch and every failed database statement of polling. Must not throw (a throw is ignored). */
  readonly onError?: (error: MixpanelError, context: SenderErrorContext) => void
  /** Replaces the transport (tests, custom pipelines). Default `send(config)`, which does the HTTP retries. */
  readonly send?: Sender
}

/** What one `drain` did. */
export interface DrainReport {
  /** Records Mixpanel acknowledged; their rows are deleted. */
  readonly delivered: number
  /** Records of failed batches: `rescheduled` plus `deadLettered`. */
  readonly failed: number
  /** Records whose batch failed transiently; their rows wait for their backoff. */
  readonly rescheduled: number
  /** Records that can never be delivered as they are, now in the `_dead` table with their tagged error. */
  readonly deadLettered: number
  /** HTTP attempts, retries inside `send` included. */
  readonly attempts: number
}

/** The read side: claims due rows, sends them, deletes them once Mixpanel acknowledged. */
export interface OutboxSender {
  /** Delivers until no row is due (rows held by other senders or waiting for a backoff are left alone). */
  drain(): TE.TaskEither<MixpanelError, DrainReport>
  /** Drains now and then every `pollMs`, reporting failures to `onError`. The timer never keeps the process alive. */
  start(): void
  /** Stops polling and claiming; resolves once the claims in flight are settled. */
  stop(): T.Task<void>
}
