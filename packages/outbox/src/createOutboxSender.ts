import { either as E, type task as T, type taskEither as TE } from 'fp-ts'
import {
  configError,
  databaseError,
  networkError,
  normalizeConfig,
  request,
  validationError,
  type Config,
  type MixpanelError,
  type MixpanelRequest,
  type Receipt,
} from '@mp/core'
import { send } from '@mp/send'
import { outboxSql, type OutboxSql } from './outboxSql.ts'
import { planBatches } from './planBatches.ts'
import { readClaim, type ClaimedRow } from './readClaim.ts'
import { resolveSenderOptions, type ResolvedSenderOptions } from './resolveSenderOptions.ts'
import { runQuery } from './runQuery.ts'
import { settleBatch, type Settlement } from './settleBatch.ts'
import { sqlClientProblem } from './sqlClientProblem.ts'
import type { DrainReport, OutboxSender, OutboxSenderOptions, Sender, SenderErrorContext, SqlClient } from './types.ts'

interface Totals {
  delivered: number
  rescheduled: number
  deadLettered: number
  attempts: number
}

interface Claim {
  /** Unique per claim: the sender's name and a counter. Every later statement on the rows checks it. */
  readonly token: string
  readonly rows: ReadonlyArray<ClaimedRow>
  /** The database's time of the drain's first claim (text, so no precision is lost). */
  readonly horizon: string | null
}

const reportOf = (t: Totals): DrainReport => ({ ...t, failed: t.rescheduled + t.deadLettered })

// A transport that throws or rejects breaks its own contract; treat that like a network failure
// (transient), so the rows are tried again instead of being lost.
const sendSafely = async (sender: Sender, req: MixpanelRequest): Promise<E.Either<MixpanelError, Receipt>> => {
  try {
    return await sender(req)()
  } catch (cause) {
    return E.left(networkError(req.endpoint, 1, cause instanceof Error ? cause.message : 'the transport failed'))
  }
}

const refusing = (error: MixpanelError, onError: OutboxSenderOptions['onError']): OutboxSender => ({
  drain: () => async () => E.left(error),
  start: () => {
    try {
      onError?.(error, { kind: 'poll' })
    } catch {
      // A throwing onError changes nothing.
    }
  },
  stop: () => async () => undefined,
})

const readOnError = (options: OutboxSenderOptions | undefined): OutboxSenderOptions['onError'] => {
  try {
    return typeof options?.onError === 'function' ? options.onError : undefined
  } catch {
    return undefined
  }
}

/**
 * The read side of the outbox: claims due rows in enqueue order, sends them with `@mp/send` in
 * batches by endpoint and auth up to Mixpanel's limits, deletes them once Mixpanel acknowledged,
 * reschedules transient failures with a doubling backoff, and moves permanent failures (the
 * queue's poison rules) to the `_dead` table with their tagged error. Run one on every machine you
 * like: a claim is a lease (`locked_until`, `locked_by`) taken with `FOR UPDATE SKIP LOCKED`, so two
 * senders never hold the same row, and a sender that dies loses nothing: its rows are free again
 * once the lease runs out (a live sender renews it while it sends). A sender without `apiSecret`
 * or `serviceAccount` leaves `secret` rows (`/import`, `$merge`) to one that has them.
 *
 * Delivery is at least once: a crash after Mixpanel stored a batch and before the rows were
 * deleted sends them again, which `$insert_id` makes invisible for events (not for `/engage`
 * operations such as `$add`). A bad config, `db` or options make every call answer the same `ConfigError`.
 * @example
 * import { createOutboxSender } from '@mp/outbox'
 * const sender = createOutboxSender({ token, apiSecret }, pool, { onError: (e, ctx) => log.warn(e.message, ctx) })
 * sender.start()                       // polls every second; timers never keep the process alive
 * process.on('SIGTERM', async () => { await sender.stop()(); await pool.end() })
 */
export const createOutboxSender = (config: Config, db: SqlClient, options?: OutboxSenderOptions): OutboxSender => {
  try {
    return build(config, db, options)
  } catch {
    // Only hostile config or options objects (throwing getters, proxies) get here.
    return refusing(configError('', 'the config or sender options could not be read'), readOnError(options))
  }
}

const setUp = (config: Config, db: SqlClient, options: OutboxSenderOptions | undefined) => {
  const resolved = normalizeConfig(config)
  if (E.isLeft(resolved)) return resolved
  const problem = sqlClientProblem(db, 'db')
  if (problem !== undefined) return E.left(problem)
  const opts = resolveSenderOptions(options)
  if (E.isLeft(opts)) return opts
  const sql = outboxSql(opts.right.table ?? undefined)
  if (E.isLeft(sql)) return sql
  return E.right({ opts: opts.right, sql: sql.right, secrets: resolved.right.credentials !== undefined, random: resolved.right.random })
}

const build = (config: Config, db: SqlClient, options: OutboxSenderOptions | undefined): OutboxSender => {
  const ready = setUp(config, db, options)
  if (E.isLeft(ready)) return refusing(ready.left, readOnError(options))
  const { opts, sql, secrets, random } = ready.right
  return senderOf({ db, sql, opts, sender: opts.send ?? send(config), secrets, random })
}

interface Parts {
  readonly db: SqlClient
  readonly sql: OutboxSql
  readonly opts: ResolvedSenderOptions
  readonly sender: Sender
  /** Whether the config has credentials for `secret` rows. */
  readonly secrets: boolean
  /** The config's randomness, for the backoff's jitter. */
  readonly random: () => number
}

// A draw outside [0, 1) (a broken injected source) is clamped, so a backoff is never negative or huge.
const jitter = (random: () => number): number => {
  let draw = 0.5
  try {
    const value = random()
    if (Number.isFinite(value)) draw = Math.min(Math.max(value, 0), 1)
  } catch {
    // Keep the middle.
  }
  return 0.5 + draw / 2
}

const senderOf = ({ db, sql, opts, sender, secrets, random }: Parts): OutboxSender => {
  const { batchSize, concurrency, leaseMs, pollMs, backoffMs, maxBackoffMs, onError, name } = opts
  let claims = 0
  let stopping = false
  let timer: ReturnType<typeof setInterval> | undefined
  let polling: Promise<unknown> | undefined
  /** Every drain in progress (explicit or polled); `stop` waits for them. */
  const draining = new Set<Promise<unknown>>()

  const report = (error: MixpanelError, context: SenderErrorContext): void => {
    try {
      onError?.(error, context)
    } catch {
      // A throwing onError must not break delivery bookkeeping.
    }
  }

  const claim = async (horizon: string | null): Promise<E.Either<MixpanelError, Claim>> => {
    const token = `${name}#${++claims}`
    const rows = await runQuery(db, 'claim', sql.claim, [token, leaseMs, batchSize, secrets, horizon])
    if (E.isLeft(rows)) return rows
    const first: unknown = rows.right[0]?.['horizon']
    return E.right({ token, rows: readClaim(rows.right), horizon: typeof first === 'string' ? first : horizon })
  }

  const renew = (token: string, ids: string): void => {
    void runQuery(db, 'renew lease', sql.renew, [token, leaseMs, ids]).then((done) => {
      if (E.isLeft(done)) report(done.left, { kind: 'lease' })
    })
  }

  /** Applies a settlement: deletes first (acknowledged rows must not be sent again), then the failures. */
  const apply = async (token: string, s: Settlement): Promise<MixpanelError | undefined> => {
    if (s.delivered.length > 0) {
      const done = await runQuery(db, 'delete', sql.remove, [s.delivered.join(',')])
      if (E.isLeft(done)) return done.left
    }
    if (s.deadLettered.length > 0) {
      const done = await runQuery(db, 'dead-letter', sql.deadLetter, [token, JSON.stringify(s.deadLettered)])
      if (E.isLeft(done)) return done.left
    }
    if (s.rescheduled.length > 0) {
      const params = [token, s.rescheduled.join(','), JSON.stringify(s.error ?? null), backoffMs, maxBackoffMs, jitter(random)]
      const done = await runQuery(db, 'reschedule', sql.reschedule, params)
      if (E.isLeft(done)) return done.left
    }
    return undefined
  }

  const tally = (totals: Totals, s: Settlement): void => {
    totals.delivered += s.delivered.length
    totals.rescheduled += s.rescheduled.length
    totals.deadLettered += s.deadLettered.length
    totals.attempts += s.attempts
  }

  /** Sends a claim's batches one after another, in the order of their first row, holding the lease meanwhile. */
  const deliver = async ({ token, rows }: Claim, totals: Totals): Promise<MixpanelError | undefined> => {
    const ids = rows.map((row) => row.id).join(',')
    const heartbeat = setInterval(() => renew(token, ids), Math.max(10, Math.floor(leaseMs / 3)))
    heartbeat.unref?.()
    try {
      // A row whose stored JSON is not an object (written by hand) would make `send` refuse its whole batch.
      const unreadable = rows.filter((row) => row.record === undefined)
      if (unreadable.length > 0) {
        const error = validationError('record', 'is not a JSON object; the row was not written by enqueue')
        const settlement: Settlement = { delivered: [], rescheduled: [], deadLettered: unreadable.map((row) => [row.id, error] as const), attempts: 0, error }
        const failed = await apply(token, settlement)
        if (failed !== undefined) return failed
        tally(totals, settlement)
        report(error, { kind: 'dead-lettered', endpoint: (unreadable[0] as ClaimedRow).endpoint, records: unreadable.length })
      }
      const sendable = rows.filter((row): row is ClaimedRow & { record: NonNullable<ClaimedRow['record']> } => row.record !== undefined)
      for (const batch of planBatches(sendable, batchSize)) {
        const result = await sendSafely(sender, request(batch.endpoint, batch.auth, batch.records))
        const settlement = settleBatch(batch.endpoint, batch.ids, result)
        const failed = await apply(token, settlement)
        if (failed !== undefined) return failed
        tally(totals, settlement)
        if (settlement.error !== undefined) {
          const dead = settlement.deadLettered.length
          report(settlement.error, { kind: dead > 0 ? 'dead-lettered' : 'rescheduled', endpoint: batch.endpoint, records: dead > 0 ? dead : settlement.rescheduled.length })
        }
      }
      return undefined
    } finally {
      clearInterval(heartbeat)
    }
  }

  const runDrain = async (): Promise<E.Either<MixpanelError, DrainReport>> => {
    const totals: Totals = { delivered: 0, rescheduled: 0, deadLettered: 0, attempts: 0 }
    let failure: MixpanelError | undefined
    // A drain takes the rows due at its first claim and no others, so a row that fails and is
    // rescheduled (however short its backoff), or a row enqueued meanwhile, waits for the next
    // drain: a drain ends even while Mixpanel is down.
    let horizon: string | null = null
    const lanes = new Set<Promise<void>>()
    // One lane to begin with; a claim that comes back full means a backlog, and widens to `concurrency` lanes.
    const lane = async (): Promise<void> => {
      try {
        while (!stopping && failure === undefined) {
          const claimed = await claim(horizon)
          if (E.isLeft(claimed)) {
            failure ??= claimed.left
            return
          }
          horizon ??= claimed.right.horizon
          if (claimed.right.rows.length === 0) return
          if (claimed.right.rows.length >= batchSize) widen()
          const failed = await deliver(claimed.right, totals)
          if (failed !== undefined) failure ??= failed
        }
      } catch (cause) {
        // Unreachable by design (every step answers a value); kept so a bug cannot make drain reject.
        failure ??= databaseError('drain', cause)
      }
    }
    const widen = (): void => {
      while (lanes.size < concurrency) {
        const running: Promise<void> = lane().finally(() => lanes.delete(running))
        lanes.add(running)
      }
    }
    const first: Promise<void> = lane().finally(() => lanes.delete(first))
    lanes.add(first)
    while (lanes.size > 0) await Promise.all([...lanes])
    return failure === undefined ? E.right(reportOf(totals)) : E.left(failure)
  }

  const drain = (): Promise<E.Either<MixpanelError, DrainReport>> => {
    const running = runDrain()
    draining.add(running)
    const done = (): void => void draining.delete(running)
    running.then(done, done)
    return running
  }

  const poll = (): void => {
    if (polling !== undefined || stopping) return
    polling = drain().then((result) => {
      polling = undefined
      if (E.isLeft(result)) report(result.left, { kind: 'poll' })
    })
  }

  return {
    drain: (): TE.TaskEither<MixpanelError, DrainReport> => drain,
    start: () => {
      if (timer !== undefined) return
      timer = setInterval(poll, pollMs)
      timer.unref?.()
      poll()
    },
    stop: (): T.Task<void> => async () => {
      if (timer !== undefined) clearInterval(timer)
      timer = undefined
      stopping = true
      while (draining.size > 0) await Promise.all([...draining])
      stopping = false
    },
  }
}
