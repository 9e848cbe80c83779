import { parse, type CsvError } from 'csv-parse'
import { pipeline, Readable } from 'node:stream'
import { either as E } from 'fp-ts'
import type { JsonValue } from '@mp/core'
import { castCsvValue } from './castCsvValue.ts'
import type { CsvType, InputItem } from './types.ts'

/** How `readCsv` types each column. */
export interface CsvTyping {
  /** Per-column types from `--csv-types`. */
  readonly types: Readonly<Record<string, CsvType>>
  /** Columns that hold ids: always strings unless `types` says otherwise. */
  readonly ids: ReadonlySet<string>
}

const castRow = (row: Readonly<Record<string, string>>, typing: CsvTyping): E.Either<string, Record<string, JsonValue>> => {
  const value: Record<string, JsonValue> = {}
  for (const [column, text] of Object.entries(row)) {
    const cast = castCsvValue(text, typing.types[column] ?? (typing.ids.has(column) ? 'string' : 'auto'))
    if (E.isLeft(cast)) return E.left(`column ${JSON.stringify(column)}: ${cast.left}`)
    if (cast.right !== undefined) value[column] = cast.right
  }
  return E.right(value)
}

const BREAKS = /\r\n|\r|\n/g
const LEADING_BREAKS = /^(?:\r\n|\r|\n)+/

const breaks = (text: string): number => text.match(BREAKS)?.length ?? 0

/**
 * Parses CSV with a header row (csv-parse): one `InputItem` per row, an object of typed cells
 * (`castCsvValue`; empty cells left out), numbered by the line the row starts on — the header is
 * line 1. A row csv-parse cannot read (wrong number of cells, an unclosed quote) or a cell that
 * does not fit its `--csv-types` type is an item with a `problem`; reading goes on after it.
 * @example
 * for await (const item of readCsv(createReadStream('people.csv'), { types: {}, ids: new Set(['$distinct_id']) })) console.log(item.line, item.value)
 */
export async function* readCsv(chunks: AsyncIterable<Buffer>, typing: CsvTyping): AsyncGenerator<InputItem> {
  // Lines are counted here from each row's raw text, in parsing order: csv-parse's own count goes
  // wrong after a quoted cell that holds a CRLF line break.
  let next = 2
  const place = (raw: string): { line: number; text: string } => {
    const line = next + (raw.match(LEADING_BREAKS)?.[0].match(BREAKS)?.length ?? 0)
    next += breaks(raw)
    return { line, text: raw.replace(LEADING_BREAKS, '').replace(/(?:\r\n|\r|\n)$/, '') }
  }
  const skipped: InputItem[] = []
  const parser = parse({
    columns: true,
    bom: true,
    raw: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_record: (row: unknown) => {
      const { record, raw } = row as { record: Record<string, string>; raw: string }
      return { record, line: place(raw).line } as never
    },
    on_skip: (error: CsvError | undefined, raw: string | undefined) => {
      const { line, text } = place(raw ?? '')
      skipped.push({ line, end: undefined, value: text, problem: `not a valid CSV row (${error?.message ?? 'unreadable'})` })
      return undefined
    },
  })
  // pipeline (unlike pipe) hands a failure of the source to the parser, so reading it throws.
  pipeline(Readable.from(chunks), parser, () => undefined)
  for await (const { record, line } of parser as AsyncIterable<{ record: Record<string, string>; line: number }>) {
    while (skipped.length > 0 && (skipped[0]?.line ?? 0) < line) yield skipped.shift() as InputItem
    const value = castRow(record, typing)
    yield E.isLeft(value) ? { line, end: undefined, value: record, problem: value.left } : { line, end: undefined, value: value.right, problem: undefined }
  }
  yield* skipped
}
