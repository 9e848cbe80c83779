/**
 * The records a queue holds for one endpoint and auth, laid out as a packed body being written
 * (see `PackedRecords` in `@mp/send`): `[`, then the UTF-8 of each one's JSON followed by a comma,
 * with where each ends and its enqueue number. Bytes, not a string per record: a backlog is one
 * buffer the garbage collector never walks, and each record's text dies young, as soon as it is
 * written here. The queue's own state, written in place by `holdText`.
 */
export interface HeldLog {
  /** Grows by half when full. */
  buffer: Uint8Array<ArrayBuffer>
  /** Bytes written so far, the opening bracket included. */
  used: number
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
 * createHeldLog() // { buffer: Uint8Array(65536) starting with '[', used: 1, ends: [], seqs: [] }
 */
export const createHeldLog = (buffer: Uint8Array<ArrayBuffer> = new Uint8Array(FIRST_CAPACITY)): HeldLog => {
  buffer[0] = 0x5b // '['
  return { buffer, used: 1, ends: [], seqs: [] }
}
