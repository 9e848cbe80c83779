/**
 * The records a queue holds for one endpoint and auth: the UTF-8 of each one's JSON, one after
 * another in one buffer, each followed by a comma, with where each ends and its enqueue number.
 * Bytes, not a string per record: a backlog is one buffer the garbage collector never walks, and
 * each record's text dies young, as soon as it is written here.
 */
export interface HeldLog {
  /** Grows by half when full. */
  readonly buffer: Uint8Array<ArrayBuffer>
  /** Bytes written so far. */
  readonly used: number
  /** The offset of the comma after each record's JSON, in enqueue order. */
  readonly ends: number[]
  /** Each record's enqueue number, so records handed back after a failure regain their place. */
  readonly seqs: number[]
}

// Room for about a hundred typical events before the first growth.
const FIRST_CAPACITY = 65_536

/**
 * An empty log; `buffer` (one a flush has emptied) is written over from the start, so a steady
 * stream of records allocates nothing more once the buffer fits a flush.
 * @example
 * createHeldLog() // { buffer: Uint8Array(65536), used: 0, ends: [], seqs: [] }
 */
export const createHeldLog = (buffer?: Uint8Array<ArrayBuffer>): HeldLog => ({ buffer: buffer ?? new Uint8Array(FIRST_CAPACITY), used: 0, ends: [], seqs: [] })
