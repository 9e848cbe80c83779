/** How far one file is done: its first `records` records are imported or reported as rejected. */
export interface FilePosition {
  readonly records: number
  /** Line of the last of those records (0: none yet). */
  readonly line: number
  /** Byte offset just after it, when the file can be read from there (plain NDJSON). */
  readonly offset: number | undefined
  /** Every record of the file is done. */
  readonly done: boolean
}

/** What happened to the records of one file in this run. */
export interface FileCounts {
  readonly read: number
  /** Done in an earlier run, per the checkpoint. */
  readonly skipped: number
  readonly imported: number
  readonly rejected: number
  /** Dry run: records that passed every check and would have been sent. */
  readonly valid: number
}

/** What the ledger tracks; see `createLedger`. */
export interface Ledger {
  /** Record `seq` (0, 1, 2… across all files, in reading order) was read from `file` at `line`, ending at byte `end`. */
  add(seq: number, file: number, line: number, end: number | undefined): void
  /** Record `seq` is imported, or reported as rejected, or (dry run) valid. */
  settle(seq: number, outcome: 'imported' | 'rejected' | 'valid'): void
  /** Every record of `file` has been added; the next file starts at `nextSeq`. */
  fileEnded(file: number, nextSeq: number): void
  /** Where record `seq` came from, while it is not yet in the settled prefix. */
  locate(seq: number): { readonly file: number; readonly line: number } | undefined
  /** Per file, how far it is done: only past records whose every predecessor is settled. */
  positions(): ReadonlyArray<FilePosition>
  counts(): ReadonlyArray<FileCounts>
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

// The settled prefix is dropped from the arrays once it is this long.
const COMPACT_AT = 8192

/**
 * The bookkeeping behind an exact checkpoint: records are added as they are read and settled as
 * their chunks are answered, in any order, but a file's position moves past a record only once it
 * and every record before it (in every earlier file too) is settled. Holds only the records read
 * but not yet in the settled prefix (a few chunks' worth), three numbers each.
 * @example
 * const ledger = createLedger([{ records: 0, line: 0, offset: 0, done: false }])
 * ledger.add(0, 0, 1, 120); ledger.add(1, 0, 2, 240)
 * ledger.settle(1, 'imported') // positions()[0].records is still 0: record 0 is not settled
 * ledger.settle(0, 'rejected') // now 2, line 2, offset 240
 */
export const createLedger = (starts: ReadonlyArray<FilePosition>): Ledger => {
  const positions: Array<Mutable<FilePosition>> = starts.map((start) => ({ ...start }))
  const counts: Array<Mutable<FileCounts>> = starts.map((start) => ({ read: 0, skipped: start.records, imported: 0, rejected: 0, valid: 0 }))
  const endsAt: Array<number | undefined> = starts.map(() => undefined)
  // Records from `base` on: file, line, end offset, settled.
  let base = 0
  let files: number[] = []
  let lines: number[] = []
  let ends: Array<number | undefined> = []
  let settled: boolean[] = []
  let prefix = 0
  let nextToClose = 0
  const close = (): void => {
    for (;;) {
      const position = positions[nextToClose]
      if (position === undefined) return
      const end = endsAt[nextToClose]
      if (!position.done && (end === undefined || end > prefix)) return
      position.done = true
      nextToClose++
    }
  }
  const advance = (): void => {
    while (settled[prefix - base] === true) {
      const at = prefix - base
      const position = positions[files[at] as number] as Mutable<FilePosition>
      position.records++
      position.line = lines[at] as number
      position.offset = ends[at]
      prefix++
    }
    if (prefix - base >= COMPACT_AT) {
      const drop = prefix - base
      files = files.slice(drop)
      lines = lines.slice(drop)
      ends = ends.slice(drop)
      settled = settled.slice(drop)
      base = prefix
    }
    close()
  }
  return {
    add: (seq, file, line, end) => {
      const at = seq - base
      files[at] = file
      lines[at] = line
      ends[at] = end
      settled[at] = false
      ;(counts[file] as Mutable<FileCounts>).read++
    },
    settle: (seq, outcome) => {
      const at = seq - base
      if (at < 0 || settled[at] !== false) return
      settled[at] = true
      ;(counts[files[at] as number] as Mutable<FileCounts>)[outcome]++
      advance()
    },
    fileEnded: (file, nextSeq) => {
      endsAt[file] = nextSeq
      close()
    },
    locate: (seq) => {
      const at = seq - base
      const file = files[at]
      return at < 0 || file === undefined ? undefined : { file, line: lines[at] as number }
    },
    positions: () => positions.map((position) => ({ ...position })),
    counts: () => counts.map((count) => ({ ...count })),
  }
}
