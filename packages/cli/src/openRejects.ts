import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs'
import { either as E } from 'fp-ts'

/** One line of the `--rejects` file. */
export interface RejectLine {
  /** The input as given on the command line (`-` for stdin). */
  readonly file: string
  /** 1-based; a CSV file's header is line 1. */
  readonly line: number
  /** The record as read; for records Mixpanel refused, as sent; the raw text when it was not JSON. */
  readonly record: unknown
  readonly reason: string
  /** Who refused it: the file could not be parsed, our checks, or Mixpanel. */
  readonly stage: 'parse' | 'validation' | 'mixpanel'
  /** The property Mixpanel or the checks named, when they named one. */
  readonly field?: string
}

/** The open rejects file. */
export interface Rejects {
  /** Appends one NDJSON line, written through to the file before it returns; answers the error message if it could not be. */
  write(line: RejectLine): string | undefined
  /** Flushes to disk (done before a checkpoint moves past these records); answers the error message if it could not. */
  sync(): string | undefined
  close(): void
}

/**
 * Opens the `--rejects` file: truncated for a fresh import, appended to when resuming (the lines of
 * the earlier run stay). Each line is written with a synchronous write, so it is in the file
 * before the records it reports can be counted as done. Answers the message when it cannot be opened.
 * @example
 * const rejects = openRejects('rejects.ndjson', false) // Right({ write, sync, close })
 */
export const openRejects = (path: string, append: boolean): E.Either<string, Rejects> => {
  let fd: number
  try {
    fd = openSync(path, append ? 'a' : 'w')
  } catch (error) {
    return E.left(`--rejects ${path}: cannot be written (${(error as Error).message})`)
  }
  const attempt = (what: () => void): string | undefined => {
    try {
      what()
      return undefined
    } catch (error) {
      return `could not write to --rejects ${path} (${(error as Error).message})`
    }
  }
  return E.right({
    write: (line) => attempt(() => writeSync(fd, `${JSON.stringify(line)}\n`)),
    sync: () => attempt(() => fsyncSync(fd)),
    close: () => {
      attempt(() => closeSync(fd))
    },
  })
}
