import { PassThrough } from 'node:stream'
import { gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { readInput, type ReadOptions } from './readInput.ts'
import { collect, tempDir } from './test-io.ts'
import type { Format, InputFile } from './types.ts'

const NDJSON = '{"n":1}\n{"n":2}\n\n{"n":3}\n'
let dir = tempDir()
afterEach(() => {
  dir.remove()
  dir = tempDir()
})

const fileInput = (name: string, path: string): InputFile => ({ name, path, size: undefined, mtimeMs: undefined })

const options = (extra: Partial<ReadOptions> = {}) => {
  const seen = { bytes: 0, opened: undefined as { format: Format; gzip: boolean } | undefined }
  const read: ReadOptions = {
    format: undefined,
    typing: { types: {}, ids: new Set() },
    resumeAt: undefined,
    signal: new AbortController().signal,
    onBytes: (bytes) => {
      seen.bytes += bytes
    },
    onOpened: (opened) => {
      seen.opened = opened
    },
    ...extra,
  }
  return { read, seen }
}

const values = (items: ReadonlyArray<{ line: number; value: unknown; problem: string | undefined }>) => items.map((i) => [i.line, i.problem ?? i.value])

describe('readInput', () => {
  it('recognises gzip by its bytes and the format by the first character or a .csv name', async () => {
    const cases: Array<[string, string | Buffer, Format, boolean]> = [
      ['a.ndjson', NDJSON, 'ndjson', false],
      ['a.data', gzipSync(NDJSON), 'ndjson', true],
      ['a.json', ` \n[{"n":1},{"n":2},\n{"n":3}]`, 'json', false],
      ['a.json.gz', gzipSync('[{"n":1},{"n":2},{"n":3}]'), 'json', true],
      ['a.csv.gz', gzipSync('n\n1\n2\n\n3\n'), 'csv', true],
    ]
    for (const [name, content, format, gzip] of cases) {
      const path = dir.write(name, '')
      const { writeFileSync } = await import('node:fs')
      writeFileSync(path, content)
      const { read, seen } = options()
      const items = await collect(readInput(fileInput(name, path), new PassThrough(), read))
      expect(items.map((i) => i.value)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }])
      expect(seen.opened).toEqual({ format, gzip })
      expect(seen.bytes).toBe(Buffer.byteLength(content))
    }
  })

  it('reads stdin, and follows --format over detection', async () => {
    const stdin = new PassThrough()
    stdin.end('n,m\n1,x\n')
    const { read, seen } = options({ format: 'csv' })
    expect(values(await collect(readInput({ name: '-', path: undefined, size: undefined, mtimeMs: undefined }, stdin, read)))).toEqual([[2, { n: 1, m: 'x' }]])
    expect(seen.opened).toEqual({ format: 'csv', gzip: false })
  })

  it('resumes a plain NDJSON file from its byte offset, reading nothing before it', async () => {
    const path = dir.write('a.ndjson', NDJSON)
    const { read, seen } = options({ resumeAt: { records: 2, line: 2, offset: 16 } })
    const items = await collect(readInput(fileInput('a.ndjson', path), new PassThrough(), read))
    expect(values(items)).toEqual([[4, { n: 3 }]])
    expect(items[0]?.end).toBe(Buffer.byteLength(NDJSON))
    expect(seen.bytes).toBe(Buffer.byteLength(NDJSON))
  })

  it('resumes a gzipped or CSV file by reading past the records done', async () => {
    const gz = dir.write('a.ndjson.gz', NDJSON, { gzip: true })
    const { read } = options({ resumeAt: { records: 2, line: 2, offset: undefined } })
    expect(values(await collect(readInput(fileInput('a.ndjson.gz', gz), new PassThrough(), read)))).toEqual([[4, { n: 3 }]])
    const csv = dir.write('a.csv', 'n\n1\n2\n3\n')
    const again = options({ resumeAt: { records: 1, line: 2, offset: 5 } })
    expect(values(await collect(readInput(fileInput('a.csv', csv), new PassThrough(), again.read)))).toEqual([
      [3, { n: 2 }],
      [4, { n: 3 }],
    ])
  })

  it('ends a file that breaks part-way with an item saying so, after the records before the break', async () => {
    const whole = gzipSync(Array.from({ length: 5000 }, (_, n) => JSON.stringify({ n, pad: 'x'.repeat(40) })).join('\n'))
    const path = dir.write('broken.gz', '')
    const { writeFileSync } = await import('node:fs')
    // A gzip stream cut short and then garbage: the first records inflate, then zlib fails.
    writeFileSync(path, Buffer.concat([whole.subarray(0, whole.length >> 1), Buffer.from('garbage that is not deflate data')]))
    const { read } = options()
    const items = await collect(readInput(fileInput('broken.gz', path), new PassThrough(), read))
    const last = items.at(-1)
    expect(items.length).toBeGreaterThan(100)
    expect(last?.problem).toMatch(/^could not read the rest of the file \(/)
    expect(last?.line).toBe((items.at(-2)?.line ?? 0) + 1)
  })

  it('stops quietly when aborted', async () => {
    const stdin = new PassThrough()
    stdin.write('{"n":1}\n')
    const abort = new AbortController()
    const { read } = options({ signal: abort.signal })
    const items: unknown[] = []
    for await (const item of readInput({ name: '-', path: undefined, size: undefined, mtimeMs: undefined }, stdin, read)) {
      items.push(item)
      abort.abort()
    }
    expect(items).toEqual([{ line: 1, end: undefined, value: { n: 1 }, problem: undefined }])
  })
})
