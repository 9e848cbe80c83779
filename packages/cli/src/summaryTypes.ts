import type { Format, Kind } from './types.ts'

/** One input in the summary. */
export interface FileSummary {
  readonly file: string
  readonly format: Format | undefined
  readonly gzip: boolean | undefined
  readonly read: number
  readonly imported: number
  readonly rejected: number
  /** Done in an earlier run, per the checkpoint. */
  readonly skipped: number
  /** Dry run: passed every check. */
  readonly valid: number
  readonly done: boolean
}

/** What `--json` prints (one object on stdout) and the human summary shows. */
export interface ImportSummary {
  readonly command: Kind
  readonly dryRun: boolean
  readonly outcome: 'imported' | 'rejected' | 'validated' | 'failed' | 'interrupted'
  readonly exitCode: number
  readonly read: number
  readonly valid: number
  readonly sent: number
  readonly imported: number
  readonly rejected: number
  readonly skipped: number
  readonly requests: number
  readonly attempts: number
  readonly bytes: number
  readonly durationMs: number
  readonly recordsPerSecond: number
  readonly files: ReadonlyArray<FileSummary>
  readonly checkpoint?: string
  readonly rejects?: string
  /** The first rejections (file, line, reason), for a run without --rejects. */
  readonly firstRejections: ReadonlyArray<{ readonly file: string; readonly line: number; readonly reason: string }>
  /** Why delivery stopped (outcome `failed`). Never contains a secret. */
  readonly error?: string
  /** The command that continues from here (outcome `failed` or `interrupted`). */
  readonly resume?: string
}
