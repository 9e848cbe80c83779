import type { Config } from '@mp/core'

/** What `mp import` imports: events to `/import`, user profiles to `/engage`, group profiles to `/groups`. */
export type Kind = 'events' | 'profiles' | 'groups'

/** Input formats: one JSON value per line, one JSON array, or CSV with a header row. */
export type Format = 'ndjson' | 'json' | 'csv'

/** How a CSV column's text becomes a JSON value. */
export type CsvType = 'auto' | 'string' | 'number' | 'boolean' | 'json'

/**
 * One record read from an input, where it was, and either its value or why it could not be read
 * (then `value` is the raw text, or null). `end` is the byte offset just after it, when seeking
 * there later is possible (plain NDJSON files).
 */
export interface InputItem {
  readonly line: number
  readonly end: number | undefined
  readonly value: unknown
  readonly problem: string | undefined
}

/** An input checked before anything is read: a file, or `-` for stdin. */
export interface InputFile {
  /** As given on the command line (`-` for stdin). */
  readonly name: string
  /** Absolute path; undefined for stdin. */
  readonly path: string | undefined
  readonly size: number | undefined
  readonly mtimeMs: number | undefined
}

/** Where `mp` reads and writes: the process in bin.ts, fakes in tests. */
export interface Io {
  readonly stdout: { write(text: string): unknown }
  /** A TTY stream gets a progress bar; anything else plain lines. */
  readonly stderr: NodeJS.WritableStream & { readonly isTTY?: boolean; readonly columns?: number }
  readonly stdin: NodeJS.ReadableStream
  readonly env: Readonly<Record<string, string | undefined>>
  readonly cwd: string
  /** Calls `listener` on the first Ctrl-C (or SIGTERM); answers a function that stops listening. */
  readonly onInterrupt: (listener: () => void) => () => void
}

/** Column names that map flat records (CSV rows, or objects without `properties`) onto events. */
export interface EventColumns {
  readonly event: string
  readonly distinctId: string
  readonly time: string
  readonly insertId: string
}

/** Everything `mp import` was asked to do, checked. */
export interface ImportPlan {
  readonly kind: Kind
  readonly inputs: ReadonlyArray<string>
  /** undefined: from the file name (`.csv`) or the first character (`[`: JSON array, else NDJSON). */
  readonly format: Format | undefined
  readonly checkpoint: string | undefined
  readonly rejects: string | undefined
  readonly dryRun: boolean
  readonly json: boolean
  readonly quiet: boolean
  readonly concurrency: number
  readonly progressIntervalMs: number
  /** Profile or group operation without its `$`: `set`, `set_once`, … */
  readonly operation: string
  /** The column holding the distinct id (profiles) or the group id (groups). */
  readonly idColumn: string | undefined
  readonly groupKey: string | undefined
  readonly columns: EventColumns
  readonly csvTypes: Readonly<Record<string, CsvType>>
  readonly config: Config
  /** Whether a real run would have the secret /import needs (a dry run does not need it). */
  readonly hasSecret: boolean
  /** The command line as typed, secrets left out, for the resume hint. */
  readonly argv: ReadonlyArray<string>
}
