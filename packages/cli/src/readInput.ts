import { createReadStream } from 'node:fs'
import { addAbortSignal, pipeline, Readable } from 'node:stream'
import { createGunzip } from 'node:zlib'
import { peekBytes } from './peekBytes.ts'
import { readCsv, type CsvTyping } from './readCsv.ts'
import { readJsonArray } from './readJsonArray.ts'
import { readNdjson } from './readNdjson.ts'
import type { Format, InputFile, InputItem } from './types.ts'

/** Where a resumed file picks up: after `records` records, the last on `line`, ending at byte `offset`. */
export interface ResumeAt {
  readonly records: number
  readonly line: number
  /** Known for plain NDJSON files only: then the file is read from there instead of skipped through. */
  readonly offset: number | undefined
}

/** How to read one input. */
export interface ReadOptions {
  readonly format: Format | undefined
  readonly typing: CsvTyping
  readonly resumeAt: ResumeAt | undefined
  readonly signal: AbortSignal
  /** Bytes read from the file as stored (compressed bytes for a .gz), for progress. */
  readonly onBytes: (bytes: number) => void
  /** Once the format and compression are known. */
  readonly onOpened: (opened: { readonly format: Format; readonly gzip: boolean }) => void
}

// Enough to tell gzip (two magic bytes), and to tell a JSON array from NDJSON (the first character
// that is not white space; only the first 4 kB are looked at).
const gzipKnown = (head: Buffer): boolean => head.length >= 2
const formatKnown = (head: Buffer): boolean => head.length >= 4096 || /[^\s\uFEFF]/.test(head.toString('utf8', 0, 4096))

async function* counted(source: AsyncIterable<Buffer>, onBytes: (bytes: number) => void): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    onBytes(chunk.length)
    yield chunk
  }
}

const gunzip = (source: AsyncIterable<Buffer>): AsyncIterable<Buffer> => {
  const inflate = createGunzip()
  // pipeline hands a failure of either side to the other, so reading `inflate` throws it.
  pipeline(Readable.from(source), inflate, () => undefined)
  return inflate
}

// Without --format: .csv by name, else by the first character: `[` a JSON array, anything else NDJSON.
const detect = (name: string, head: Buffer): Format => {
  if (/\.csv(\.gz)?$/i.test(name)) return 'csv'
  const first = head.toString('utf8', 0, 4096).replace(/^[\s\uFEFF]+/, '')[0]
  return first === '[' ? 'json' : 'ndjson'
}

const open = (input: InputFile, stdin: NodeJS.ReadableStream, signal: AbortSignal, start: number): AsyncIterable<Buffer> =>
  input.path === undefined
    ? (addAbortSignal(signal, stdin as Readable) as AsyncIterable<Buffer>)
    : createReadStream(input.path, { signal, start, highWaterMark: 1 << 20 })

/**
 * Reads one input (a file, or stdin) as `InputItem`s: gzip is recognised by its magic bytes, the
 * format taken from `options.format` or detected, and the records parsed as they stream in
 * (`readNdjson`, `readJsonArray`, `readCsv`). A resumed file skips the records a checkpoint says
 * are done: a plain NDJSON file by seeking to the byte offset, anything else by reading past them.
 * A read failure part-way (a corrupt gzip stream, an I/O error) ends the file with an item saying
 * so; an abort (Ctrl-C) ends it quietly. Never throws.
 * @example
 * for await (const item of readInput(input, process.stdin, options)) console.log(item.line, item.problem ?? item.value)
 */
export async function* readInput(input: InputFile, stdin: NodeJS.ReadableStream, options: ReadOptions): AsyncGenerator<InputItem> {
  const { resumeAt, signal, onBytes } = options
  let line = resumeAt?.line ?? 0
  try {
    const stream = open(input, stdin, signal, 0)
    // Bytes read while finding the format count only if reading goes on from there.
    let probed = 0
    let count = (bytes: number): void => {
      probed += bytes
    }
    const raw = await peekBytes(counted(stream, (bytes) => count(bytes)), gzipKnown)
    const gzip = raw.head[0] === 0x1f && raw.head[1] === 0x8b
    const decoded = await peekBytes(gzip ? gunzip(raw.all) : raw.all, formatKnown)
    const format = options.format ?? detect(input.name, decoded.head)
    options.onOpened({ format, gzip })
    const seek = format === 'ndjson' && !gzip && resumeAt?.offset !== undefined && input.path !== undefined ? resumeAt.offset : undefined
    let items: AsyncGenerator<InputItem>
    if (seek !== undefined) {
      // Start again where the checkpoint says, without reading what came before.
      ;(stream as Readable).destroy()
      onBytes(seek)
      items = readNdjson(counted(open(input, stdin, signal, seek), onBytes), { line, offset: seek })
    } else {
      onBytes(probed)
      count = onBytes
      if (format === 'csv') items = readCsv(decoded.all, options.typing)
      else if (format === 'json') items = readJsonArray(decoded.all)
      else items = readNdjson(decoded.all, { line: 0, offset: gzip || input.path === undefined ? undefined : 0 })
    }
    let skip = seek === undefined ? (resumeAt?.records ?? 0) : 0
    for await (const item of items) {
      line = item.line
      if (skip > 0) skip--
      else yield item
    }
  } catch (error) {
    if (signal.aborted) return
    yield { line: line + 1, end: undefined, value: null, problem: `could not read the rest of the file (${error instanceof Error ? error.message : String(error)})` }
  }
}
