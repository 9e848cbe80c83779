import type { HeldLog } from './createHeldLog.ts'

// Made on first use, so nothing happens at import time.
let encoder: TextEncoder | undefined

// Makes room for `room` more bytes, growing the buffer by half as often as needed: a backlog then
// carries at most a third of its size as slack (doubling would allow half), for a few more copies.
const reserve = (log: HeldLog, room: number): void => {
  if (log.used + room <= log.buffer.length) return
  let size = Math.ceil(log.buffer.length * 1.5)
  while (size < log.used + room) size = Math.ceil(size * 1.5)
  const grown = new Uint8Array(size)
  grown.set(log.buffer.subarray(0, log.used))
  log.buffer = grown
}

/**
 * Writes one record's JSON `text` at the end of `log` as UTF-8, with its enqueue number `seq`.
 * `bytes` is the text's UTF-8 size as measured by its builder or the queue; it only sizes the room
 * made, so a wrong one costs a second write, never a wrong byte.
 * @example
 * const log = createHeldLog()
 * holdText(log, '{"event":"a"}', 13, 0) // log.used === 15, log.ends === [14], log.seqs === [0]
 */
export const holdText = (log: HeldLog, text: string, bytes: number, seq: number): void => {
  reserve(log, bytes + 1)
  encoder ??= new TextEncoder()
  let done = encoder.encodeInto(text, log.buffer.subarray(log.used))
  if (done.read < text.length) {
    // Room for the worst case (three bytes per UTF-16 unit), then the whole text again.
    reserve(log, text.length * 3 + 1)
    done = encoder.encodeInto(text, log.buffer.subarray(log.used))
  }
  log.used += done.written
  log.ends.push(log.used)
  // A size given too small can leave the text fitting exactly, with no room for its comma.
  reserve(log, 1)
  log.buffer[log.used++] = 0x2c // ','
  log.seqs.push(seq)
}
