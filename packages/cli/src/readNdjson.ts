import type { InputItem } from './types.ts'

/** A line longer than this is refused without being held (Mixpanel's records are under 1 MB). */
export const MAX_LINE_BYTES = 16 * 1024 * 1024

const NEWLINE = 0x0a

const parseLine = (text: string, line: number, end: number | undefined): InputItem | undefined => {
  // Lines end in \n or \r\n; a UTF-8 byte-order mark may open the file.
  const body = (line === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r$/, '')
  if (body.trim() === '') return undefined
  try {
    return { line, end, value: JSON.parse(body), problem: undefined }
  } catch (error) {
    return { line, end, value: body, problem: `not valid JSON (${error instanceof Error ? error.message : String(error)})` }
  }
}

const tooLong = (line: number, end: number | undefined): InputItem => ({
  line,
  end,
  value: null,
  problem: `the line is longer than ${MAX_LINE_BYTES / 1024 / 1024} MB (Mixpanel accepts records under 1 MB); it was skipped without being read`,
})

/**
 * Splits a byte stream into lines and parses each as JSON: one `InputItem` per non-blank line, with
 * its line number, and a `problem` instead of a value when the line is not JSON. Numbering starts
 * after `from.line`; with `from.offset` (where the stream starts in its file) each item also says
 * where it ends, so a later run can seek there. Only one partial line is held between chunks, and
 * a line over 16 MB is skipped rather than held.
 * @example
 * for await (const item of readNdjson(createReadStream('events.ndjson'), { line: 0, offset: 0 })) console.log(item.line, item.value)
 */
export async function* readNdjson(chunks: AsyncIterable<Buffer>, from: { readonly line: number; readonly offset: number | undefined }): AsyncGenerator<InputItem> {
  const track = from.offset !== undefined
  let line = from.line
  // Where the unfinished line starts in the file, and its bytes seen so far (held only while short).
  let lineStart = from.offset ?? 0
  let pending: Buffer[] = []
  let pendingBytes = 0
  let skipping = false
  // Ends the current line with `tail` (its bytes in the current chunk); `newline` counts the \n.
  const finish = (tail: Buffer, newline: number): InputItem | undefined => {
    line++
    lineStart += pendingBytes + tail.length + newline
    const end = track ? lineStart : undefined
    const item = skipping ? tooLong(line, end) : parseLine((pendingBytes === 0 ? tail : Buffer.concat([...pending, tail])).toString('utf8'), line, end)
    pending = []
    pendingBytes = 0
    skipping = false
    return item
  }
  for await (const chunk of chunks) {
    let start = 0
    for (let newline = chunk.indexOf(NEWLINE); newline !== -1; newline = chunk.indexOf(NEWLINE, start)) {
      const item = finish(chunk.subarray(start, newline), 1)
      start = newline + 1
      if (item !== undefined) yield item
    }
    const rest = chunk.length - start
    if (rest === 0) continue
    if (!skipping && pendingBytes + rest <= MAX_LINE_BYTES) pending.push(chunk.subarray(start))
    else {
      skipping = true
      pending = []
    }
    pendingBytes += rest
  }
  if (pendingBytes > 0) {
    const item = finish(Buffer.alloc(0), 0)
    if (item !== undefined) yield item
  }
}
