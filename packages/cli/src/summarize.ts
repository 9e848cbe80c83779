import type { MixpanelError } from '@mp/core'
import type { Ledger } from './createLedger.ts'
import { resumeCommand } from './resumeCommand.ts'
import type { ImportSummary } from './summaryTypes.ts'
import type { Format, ImportPlan, InputFile } from './types.ts'

/** Exit codes, as the contract fixes them (130: stopped by Ctrl-C, as shells report SIGINT). */
export const EXIT = { ok: 0, rejected: 1, usage: 2, failed: 3, interrupted: 130 } as const

/** How a run ended, and what it counted besides the ledger. */
export interface RunEnd {
  readonly plan: ImportPlan
  readonly inputs: ReadonlyArray<InputFile>
  readonly ledger: Ledger
  readonly opening: ReadonlyArray<{ readonly format: Format; readonly gzip: boolean } | undefined>
  readonly counters: { readonly bytes: number; readonly sent: number; readonly requests: number; readonly attempts: number }
  readonly interrupted: boolean
  /** The failed chunk's error, or a local failure (rejects or checkpoint not written). */
  readonly failure: MixpanelError | string | undefined
  /** Where the checkpoint was saved (given, or written because the run stopped early); undefined if it could not be. */
  readonly checkpoint: string | undefined
  readonly rejects: string | undefined
  readonly firstRejections: ImportSummary['firstRejections']
  readonly durationMs: number
}

const sum = <T>(items: ReadonlyArray<T>, pick: (item: T) => number): number => items.reduce((total, item) => total + pick(item), 0)

/**
 * The summary of a run (what `--json` prints) and its exit code: 3 when delivery failed, 130 when
 * interrupted, 1 when records were rejected, else 0. After a failure or an interruption with a
 * checkpoint saved, it carries the command that resumes.
 * @example
 * const summary = summarize(end) // { outcome: 'imported', exitCode: 0, read: 200000, … }
 */
export const summarize = (end: RunEnd): ImportSummary => {
  const { plan, ledger, counters } = end
  const counts = ledger.counts()
  const positions = ledger.positions()
  const totals = {
    read: sum(counts, (f) => f.read),
    valid: sum(counts, (f) => f.valid),
    imported: sum(counts, (f) => f.imported),
    rejected: sum(counts, (f) => f.rejected),
    skipped: sum(counts, (f) => f.skipped),
  }
  const error = typeof end.failure === 'string' ? end.failure : end.failure?.message
  const outcome = error !== undefined ? 'failed' : end.interrupted ? 'interrupted' : totals.rejected > 0 ? 'rejected' : plan.dryRun ? 'validated' : 'imported'
  const exitCode = { failed: EXIT.failed, interrupted: EXIT.interrupted, rejected: EXIT.rejected, validated: EXIT.ok, imported: EXIT.ok }[outcome]
  const resumable = (outcome === 'failed' || outcome === 'interrupted') && end.checkpoint !== undefined
  return {
    command: plan.kind,
    dryRun: plan.dryRun,
    outcome,
    exitCode,
    ...totals,
    ...counters,
    durationMs: end.durationMs,
    recordsPerSecond: end.durationMs > 0 ? Math.round((totals.read / end.durationMs) * 1000) : 0,
    files: end.inputs.map((input, i) => ({
      file: input.name,
      format: end.opening[i]?.format,
      gzip: end.opening[i]?.gzip,
      read: counts[i]?.read ?? 0,
      imported: counts[i]?.imported ?? 0,
      rejected: counts[i]?.rejected ?? 0,
      skipped: counts[i]?.skipped ?? 0,
      valid: counts[i]?.valid ?? 0,
      done: positions[i]?.done ?? false,
    })),
    ...(end.checkpoint === undefined || plan.dryRun ? {} : { checkpoint: end.checkpoint }),
    ...(end.rejects === undefined ? {} : { rejects: end.rejects }),
    firstRejections: end.firstRejections,
    ...(error === undefined ? {} : { error }),
    ...(resumable ? { resume: resumeCommand(plan.argv, plan.checkpoint ?? (end.checkpoint as string)) } : {}),
  }
}
