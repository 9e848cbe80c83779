import { resolve } from 'node:path'
import { either as E, type taskEither as TE } from 'fp-ts'
import { validationError, type MixpanelError } from '@mp/core'
import { IMPORT_LIMITS, importChunk, prepareImportEvent, readChunks, type CheckedRecord, type Chunk, type ChunkLimits, type ChunkReceipt } from '@mp/events'
import { batchLimits } from '@mp/queue'
import { createCheckpointSaver } from './createCheckpointSaver.ts'
import { createLedger, type FilePosition } from './createLedger.ts'
import { createProgress } from './createProgress.ts'
import { deliverChunks } from './deliverChunks.ts'
import { formatSummary } from './formatSummary.ts'
import type { RejectLine } from './openRejects.ts'
import { preflight } from './preflight.ts'
import { profileChunkSender } from './profileChunkSender.ts'
import { readInput } from './readInput.ts'
import { EXIT, summarize } from './summarize.ts'
import type { ImportSummary } from './summaryTypes.ts'
import { toImportEvent } from './toImportEvent.ts'
import { toProfileUpdate } from './toProfileUpdate.ts'
import type { Format, ImportPlan, InputFile, InputItem, Io } from './types.ts'

// While records are being acknowledged the checkpoint is rewritten at most this often; always at the end.
const CHECKPOINT_EVERY_MS = 1000

// Columns that hold ids stay text in CSV (no 007 → 7, no 19-digit ids rounded).
const ID_COLUMNS = ['distinct_id', '$distinct_id', '$device_id', '$user_id', '$insert_id', '$group_id', 'group_id']

const FIRST_REJECTIONS = 5

interface Read {
  readonly file: number
  readonly item: InputItem
}

const fieldOf = (error: MixpanelError): string | undefined => (error._tag === 'ValidationError' || error._tag === 'ConfigError' ? error.path : undefined)

const startOf = (input: InputFile, previous: { readonly files: Readonly<Record<string, FilePosition>> } | undefined): FilePosition => {
  const entry = input.path === undefined ? undefined : previous?.files[input.path]
  return entry === undefined
    ? { records: 0, line: 0, offset: input.path === undefined ? undefined : 0, done: false }
    : { records: entry.records, line: entry.line, offset: entry.offset, done: entry.done }
}

/**
 * Runs `mp import` for a checked plan and answers the exit code: 0 every record imported, 1 some
 * refused (each written to `--rejects`), 2 a problem found before anything was sent (an input or
 * checkpoint that cannot be read), 3 delivery failed (what was acknowledged stays imported and is in
 * the checkpoint), 130 stopped by Ctrl-C after the chunks in flight.
 *
 * Inputs stream through: records are read, shaped and checked (`prepareImportEvent` for events, the
 * people and groups builders for profiles), cut into chunks as importEvents cuts them, and sent with
 * at most `concurrency` chunks in flight; the next chunk is read only when one is answered. The
 * checkpoint moves past a record only when it and every record before it is imported or written to
 * the rejects file. Progress and the summary go to stderr, `--json` to stdout. Never rejects.
 * @example
 * const code = await runImport(plan, { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd(), onInterrupt })
 */
export const runImport = async (plan: ImportPlan, io: Io): Promise<number> => {
  const started = Date.now()
  const ready = await preflight(plan, io.cwd)
  if (E.isLeft(ready)) {
    io.stderr.write(`mp import ${plan.kind}: ${ready.left}\n`)
    return EXIT.usage
  }
  const { inputs, checkpoint, checkpointPath, rejects } = ready.right
  const starts = inputs.map((input) => startOf(input, checkpoint))
  const ledger = createLedger(starts)
  const save = createCheckpointSaver({ kind: plan.kind, inputs, previous: checkpoint, ledger, rejects }, CHECKPOINT_EVERY_MS)
  const opening: Array<{ format: Format; gzip: boolean } | undefined> = inputs.map(() => undefined)
  const counters = { bytes: 0, sent: 0, requests: 0, attempts: 0 }
  const firstRejections: Array<ImportSummary['firstRejections'][number]> = []
  const abort = new AbortController()
  let interrupted = false
  let status: string | undefined
  // A rejection or checkpoint that could not be written: the run stops, and counts nothing more as done.
  let problem: string | undefined

  if (checkpointPath !== undefined && !plan.dryRun) {
    // Written once before anything is sent, so a checkpoint that cannot be written is a usage error.
    problem = save(checkpointPath, true)
    if (problem !== undefined) {
      io.stderr.write(`mp import ${plan.kind}: ${problem}\n`)
      return EXIT.usage
    }
  }
  const reject = (line: RejectLine): boolean => {
    if (firstRejections.length < FIRST_REJECTIONS) firstRejections.push({ file: line.file, line: line.line, reason: line.reason })
    if (problem !== undefined) return false
    problem = rejects?.write(line)
    return problem === undefined
  }

  const typing = { types: plan.csvTypes, ids: new Set([...ID_COLUMNS, ...[plan.idColumn, plan.columns.distinctId, plan.columns.insertId].filter((c) => c !== undefined)]) }
  let seq = 0
  async function* source(): AsyncGenerator<Read> {
    for (const [file, input] of inputs.entries()) {
      const start = starts[file] as FilePosition
      if (start.done) {
        counters.bytes += input.size ?? 0
        continue
      }
      const items = readInput(input, io.stdin, {
        format: plan.format,
        typing,
        resumeAt: start.records > 0 ? start : undefined,
        signal: abort.signal,
        onBytes: (bytes) => {
          counters.bytes += bytes
        },
        onOpened: (how) => {
          opening[file] = how
        },
      })
      for await (const item of items) {
        if (abort.signal.aborted) return
        yield { file, item }
        seq++
      }
      if (abort.signal.aborted) return
      ledger.fileEnded(file, seq)
    }
  }

  const shape: (value: unknown) => E.Either<MixpanelError, CheckedRecord> | Promise<E.Either<MixpanelError, CheckedRecord>> =
    plan.kind === 'events'
      ? (value) => prepareImportEvent(toImportEvent(value, plan.columns), plan.config.token, Date.now())
      : toProfileUpdate({ kind: plan.kind, operation: plan.operation, token: plan.config.token, idColumn: plan.idColumn, groupKey: plan.groupKey })
  // Each record is placed in the ledger as it is read; one refused here is written to --rejects at once.
  const check = async ({ file, item }: Read, index: number): Promise<E.Either<MixpanelError, CheckedRecord>> => {
    ledger.add(index, file, item.line, item.end)
    const where = { file: (inputs[file] as InputFile).name, line: item.line, record: item.value }
    if (item.problem !== undefined) {
      reject({ ...where, reason: item.problem, stage: 'parse' })
      return E.left(validationError('record', item.problem))
    }
    const shaped = await shape(item.value)
    if (E.isLeft(shaped)) {
      const field = fieldOf(shaped.left)
      reject({ ...where, reason: shaped.left.message, stage: 'validation', ...(field === undefined || field === '' ? {} : { field }) })
    }
    return shaped
  }
  const limits: ChunkLimits = plan.kind === 'events' ? IMPORT_LIMITS : { maxRecords: batchLimits('/engage').records, maxBytes: batchLimits('/engage').bytes }
  const chunks = readChunks(
    source(),
    (read, index) => check(read as Read, index),
    (index) => {
      // A record whose rejection could not be written is never counted as done.
      if (problem === undefined) ledger.settle(index, 'rejected')
    },
    limits,
  )

  const deliver: (chunk: Chunk) => TE.TaskEither<MixpanelError, ChunkReceipt> = plan.dryRun
    ? () => async () => E.right({ imported: 0, refused: [], attempts: 0 })
    : plan.kind === 'events'
      ? importChunk(plan.config)
      : profileChunkSender(plan.config, plan.kind === 'profiles' ? '/engage' : '/groups')
  const onAnswer = (chunk: Chunk, answer: E.Either<MixpanelError, ChunkReceipt>): MixpanelError | undefined => {
    if (E.isLeft(answer)) return answer.left
    if (!plan.dryRun) counters.requests++
    counters.attempts += answer.right.attempts
    const refused = new Map(answer.right.refused.map((failure) => [failure.index, failure]))
    chunk.indices.forEach((index, at) => {
      const failure = refused.get(index)
      if (failure === undefined) return ledger.settle(index, plan.dryRun ? 'valid' : 'imported')
      const where = ledger.locate(index)
      const written = reject({
        file: where === undefined ? '?' : (inputs[where.file] as InputFile).name,
        line: where?.line ?? 0,
        record: chunk.records[at],
        reason: failure.message,
        stage: 'mixpanel',
        ...(failure.field === '' ? {} : { field: failure.field }),
      })
      if (written) ledger.settle(index, 'rejected')
    })
    if (checkpointPath !== undefined && !plan.dryRun) problem ??= save(checkpointPath, false)
    return undefined
  }

  const totalBytes = inputs.every((input) => input.size !== undefined) ? inputs.reduce((total, input) => total + (input.size ?? 0), 0) : undefined
  const progress = createProgress(plan.quiet ? 'none' : io.stderr.isTTY === true ? 'bar' : 'lines', io.stderr, plan.progressIntervalMs, () => {
    const counts = ledger.counts()
    const total = (pick: (c: (typeof counts)[number]) => number): number => counts.reduce((sum, c) => sum + pick(c), 0)
    return {
      read: total((c) => c.read),
      sent: counters.sent,
      imported: total((c) => c.imported),
      rejected: total((c) => c.rejected),
      dryRun: plan.dryRun,
      bytes: counters.bytes,
      totalBytes,
      elapsedMs: Date.now() - started,
      status,
    }
  })
  const stopListening = io.onInterrupt(() => {
    interrupted = true
    status = 'stopping after the requests in flight (Ctrl-C again to quit now)'
    abort.abort()
  })
  progress.start()
  const failure = await deliverChunks(chunks, deliver, {
    concurrency: plan.concurrency,
    stopped: () => interrupted || problem !== undefined,
    onSend: (chunk) => {
      if (!plan.dryRun) counters.sent += chunk.records.length
    },
    onAnswer,
  })
  stopListening()

  // A run that stops early always leaves a checkpoint to resume from (files only: stdin cannot be re-read).
  const early = failure !== undefined || problem !== undefined || interrupted
  const automatic = early && problem === undefined && !plan.dryRun && inputs.every((input) => input.path !== undefined)
  // Named as the user gave it (or, written on its own, by its name in the working directory).
  const checkpointName = plan.checkpoint ?? (automatic ? `mp-import-${plan.kind}-${new Date(started).toISOString().replace(/[:.]/g, '-')}.checkpoint.json` : undefined)
  if (checkpointName !== undefined && !plan.dryRun && problem === undefined) problem = save(checkpointPath ?? resolve(io.cwd, checkpointName), true)
  progress.stop()
  rejects?.close()

  const summary = summarize({
    plan,
    inputs,
    ledger,
    opening,
    counters,
    interrupted,
    failure: failure ?? problem,
    // A checkpoint that could not be written is not one to resume from.
    checkpoint: problem === undefined ? checkpointName : undefined,
    rejects: plan.rejects,
    firstRejections,
    durationMs: Date.now() - started,
  })
  if (!plan.quiet || summary.outcome === 'failed' || summary.outcome === 'interrupted') io.stderr.write(formatSummary(summary))
  if (plan.json) io.stdout.write(`${JSON.stringify(summary)}\n`)
  return summary.exitCode
}
