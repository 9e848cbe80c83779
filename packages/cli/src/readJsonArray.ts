import { StringDecoder } from 'node:string_decoder'
import { MAX_LINE_BYTES } from './readNdjson.ts'
import type { InputItem } from './types.ts'

const [QUOTE, BACKSLASH, COMMA, NEWLINE] = [0x22, 0x5c, 0x2c, 0x0a]
const [OPEN_BRACKET, CLOSE_BRACKET, OPEN_BRACE, CLOSE_BRACE] = [0x5b, 0x5d, 0x7b, 0x7d]
const isSpace = (c: number): boolean => c === 0x20 || c === NEWLINE || c === 0x0d || c === 0x09 || c === 0xfeff

const problem = (line: number, text: string, value: unknown = null): InputItem => ({ line, end: undefined, value, problem: text })

const describe = (c: number): string => JSON.stringify(String.fromCharCode(c))

/**
 * Streams the elements of one JSON array (`[ {…}, {…} ]`, pretty-printed or not) without holding
 * the array: each element is cut out by tracking nesting and strings, then parsed on its own. One
 * `InputItem` per element, numbered by the line it starts on; an element that is not valid JSON is
 * an item with a `problem`, and the elements after it are still read. A file that is not an array,
 * breaks the array's own syntax, or ends inside it ends with an item saying so. Elements over
 * 16 MB are skipped, not held.
 * @example
 * for await (const item of readJsonArray(createReadStream('events.json'))) console.log(item.line, item.value)
 */
export async function* readJsonArray(chunks: AsyncIterable<Buffer>): AsyncGenerator<InputItem> {
  const decoder = new StringDecoder('utf8')
  let line = 1
  // Outside an element: before `[`, after `[`, after `,`, after an element, after `]`.
  let state: 'start' | 'first' | 'next' | 'after' | 'done' | 'value' = 'start'
  // Inside an element: nesting, string state, its text so far and where it started.
  let depth = 0
  let inString = false
  let escaped = false
  let parts: string[] = []
  let size = 0
  let startLine = 0
  let from = 0
  const take = (text: string, end: number): void => {
    if (size + end - from <= MAX_LINE_BYTES) parts.push(text.slice(from, end))
    size += end - from
  }
  const element = (): InputItem => {
    const text = parts.join('')
    const oversized = size > MAX_LINE_BYTES
    parts = []
    size = 0
    if (oversized) return problem(startLine, `the element is larger than ${MAX_LINE_BYTES / 1024 / 1024} MB (Mixpanel accepts records under 1 MB); it was skipped`)
    try {
      return { line: startLine, end: undefined, value: JSON.parse(text), problem: undefined }
    } catch (error) {
      return problem(startLine, `not valid JSON (${error instanceof Error ? error.message : String(error)})`, text)
    }
  }
  for await (const chunk of chunks) {
    const text = decoder.write(chunk)
    const items: InputItem[] = []
    let fatal: InputItem | undefined
    from = 0
    for (let i = 0; i < text.length && fatal === undefined; i++) {
      const c = text.charCodeAt(i)
      if (c === NEWLINE) line++
      if (state === 'value') {
        if (inString) {
          if (escaped) escaped = false
          else if (c === BACKSLASH) escaped = true
          else if (c === QUOTE) inString = false
          if (inString || depth > 0) continue
          take(text, i + 1)
          items.push(element())
          state = 'after'
          continue
        }
        if (c === QUOTE) inString = true
        else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++
        else if ((c === CLOSE_BRACE || c === CLOSE_BRACKET) && depth > 0) {
          if (--depth === 0) {
            take(text, i + 1)
            items.push(element())
            state = 'after'
          }
          continue
        }
        if (depth > 0 || !(c === COMMA || c === CLOSE_BRACKET || isSpace(c))) continue
        // A number, true, false or null ends at the first separator, which is read below.
        take(text, i)
        items.push(element())
        state = 'after'
      }
      if (isSpace(c)) continue
      if (state === 'start') {
        if (c === OPEN_BRACKET) state = 'first'
        else fatal = problem(line, `not a JSON array: it starts with ${describe(c)} (for one record per line use --format ndjson)`)
      } else if (state === 'after') {
        if (c === COMMA) state = 'next'
        else if (c === CLOSE_BRACKET) state = 'done'
        else fatal = problem(line, `expected , or ] after the element on line ${startLine}, found ${describe(c)}; the rest of the file was not read`)
      } else if (state === 'done') {
        fatal = problem(line, `unexpected ${describe(c)} after the end of the JSON array; the rest of the file was not read`)
      } else if (state === 'first' && c === CLOSE_BRACKET) {
        state = 'done'
      } else if (state === 'next' && c === CLOSE_BRACKET) {
        items.push(problem(line, 'a comma before ] (JSON allows no trailing comma)'))
        state = 'done'
      } else {
        state = 'value'
        startLine = line
        from = i
        inString = c === QUOTE
        depth = c === OPEN_BRACE || c === OPEN_BRACKET ? 1 : 0
      }
    }
    if (state === 'value') take(text, text.length)
    yield* items
    if (fatal !== undefined) {
      yield fatal
      return
    }
  }
  if (state === 'value') yield problem(line, `the file ends inside the element that starts on line ${startLine}: is it truncated?`)
  else if (state === 'first' || state === 'next' || state === 'after') yield problem(line, 'the file ends before the ] that closes the JSON array: is it truncated?')
}
