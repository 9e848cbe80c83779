/**
 * Reads the start of a byte stream without losing it: chunks are read until `enough(head)` says
 * the start is known (or the stream ends), and `all` yields the whole stream again, `head` included.
 * Reads no more than that, so a slow pipe is not waited on for nothing.
 * @example
 * const { head, all } = await peekBytes(createReadStream(file), (start) => start.length >= 2)
 * const gzipped = head[0] === 0x1f && head[1] === 0x8b // then read `all`
 */
export const peekBytes = async (
  source: AsyncIterable<Buffer>,
  enough: (head: Buffer) => boolean,
): Promise<{ readonly head: Buffer; readonly all: AsyncIterable<Buffer> }> => {
  const iterator = source[Symbol.asyncIterator]()
  const seen: Buffer[] = []
  let ended = false
  while (!enough(Buffer.concat(seen))) {
    const next = await iterator.next()
    if (next.done === true) {
      ended = true
      break
    }
    seen.push(next.value)
  }
  async function* all(): AsyncGenerator<Buffer> {
    try {
      yield* seen
      while (!ended) {
        const next = await iterator.next()
        if (next.done === true) return
        yield next.value
      }
    } finally {
      // Stopping early closes the source (and the stream under it).
      if (!ended) await iterator.return?.()
    }
  }
  return { head: Buffer.concat(seen), all: { [Symbol.asyncIterator]: all } }
}
