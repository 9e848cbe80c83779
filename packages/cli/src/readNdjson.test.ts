import { describe, expect, it } from 'vitest'
import { MAX_LINE_BYTES, readNdjson } from './readNdjson.ts'
import { chunked, collect } from './test-io.ts'

const TEXT = '\uFEFF{"a":1}\r\n\n  \n{"b":"é"}\n{not json}\n[1,2]\n{"c":3}'

describe('readNdjson', () => {
  it('parses each non-blank line with its line number, whatever the chunk size', async () => {
    for (const size of [1, 2, 3, 7, 1000]) {
      const items = await collect(readNdjson(chunked(TEXT, size), { line: 0, offset: undefined }))
      expect(items.map((i) => [i.line, i.problem === undefined ? i.value : 'problem'])).toEqual([
        [1, { a: 1 }],
        [4, { b: 'é' }],
        [5, 'problem'],
        [6, [1, 2]],
        [7, { c: 3 }],
      ])
      expect(items[2]).toMatchObject({ value: '{not json}', problem: expect.stringMatching(/^not valid JSON \(/) })
    }
  })

  it('says where each record ends in the file, so a later run can seek there', async () => {
    const text = '{"a":1}\n\n{"b":2}\r\n{"c":3}'
    const items = await collect(readNdjson(chunked(text, 3), { line: 0, offset: 0 }))
    expect(items.map((i) => i.end)).toEqual([8, 18, 25])
    expect(text.slice(18)).toBe('{"c":3}')
    // Started where the first record ends, after its line: numbering and offsets go on from there.
    const rest = await collect(readNdjson(chunked(text.slice(8), 4), { line: 1, offset: 8 }))
    expect(rest.map((i) => [i.line, i.end])).toEqual([
      [3, 18],
      [4, 25],
    ])
  })

  it('counts offsets in bytes, not characters', async () => {
    const items = await collect(readNdjson(chunked('{"x":"ééé"}\n{"y":1}\n', 5), { line: 0, offset: 100 }))
    expect(items.map((i) => i.end)).toEqual([100 + Buffer.byteLength('{"x":"ééé"}\n'), 100 + Buffer.byteLength('{"x":"ééé"}\n{"y":1}\n')])
  })

  it('skips a line longer than 16 MB without holding it, and reads on', async () => {
    async function* huge(): AsyncGenerator<Buffer> {
      yield Buffer.from('{"a":1}\n{"big":"')
      const block = Buffer.alloc(1 << 20, 0x78)
      for (let i = 0; i < MAX_LINE_BYTES / block.length + 2; i++) yield block
      yield Buffer.from('"}\n{"b":2}\n')
    }
    const items = await collect(readNdjson(huge(), { line: 0, offset: 0 }))
    expect(items.map((i) => [i.line, i.problem === undefined ? i.value : i.problem.slice(0, 30)])).toEqual([
      [1, { a: 1 }],
      [2, 'the line is longer than 16 MB '],
      [3, { b: 2 }],
    ])
    expect(items[2]?.end).toBe(8 + 8 + (MAX_LINE_BYTES + (2 << 20)) + 3 + 8)
  })
})
