import { describe, expect, it } from 'vitest'
import { readJsonArray } from './readJsonArray.ts'
import { chunked, collect } from './test-io.ts'

const shape = (items: ReadonlyArray<{ line: number; value: unknown; problem: string | undefined }>) =>
  items.map((i) => [i.line, i.problem === undefined ? i.value : `problem: ${i.problem}`])

const PRETTY = `\uFEFF[
  {"event": "a", "properties": {"s": "x]}\\"{[,", "n": [1, {"k": 2}]}},
  {"event": "b"},
  "just text",
  42, true ,null,
  {"event": "c",
   "properties": {}}
]
`

describe('readJsonArray', () => {
  it('streams every element with the line it starts on, whatever the chunk size', async () => {
    for (const size of [1, 2, 5, 13, 4096]) {
      expect(shape(await collect(readJsonArray(chunked(PRETTY, size))))).toEqual([
        [2, { event: 'a', properties: { s: 'x]}"{[,', n: [1, { k: 2 }] } }],
        [3, { event: 'b' }],
        [4, 'just text'],
        [5, 42],
        [5, true],
        [5, null],
        [6, { event: 'c', properties: {} }],
      ])
    }
  })

  it('reads a one-line array, an empty array and an empty file', async () => {
    expect(shape(await collect(readJsonArray(chunked('[{"a":1},{"b":2}]', 3))))).toEqual([
      [1, { a: 1 }],
      [1, { b: 2 }],
    ])
    expect(await collect(readJsonArray(chunked(' [ ] \n', 2)))).toEqual([])
    expect(await collect(readJsonArray(chunked('', 2)))).toEqual([])
  })

  it('reports a bad element and reads the ones after it', async () => {
    const items = await collect(readJsonArray(chunked('[\n{"a":1},\n{"b":tru},\n{"c":3}\n]', 4)))
    expect(shape(items)).toEqual([
      [2, { a: 1 }],
      [3, expect.stringMatching(/^problem: not valid JSON/)],
      [4, { c: 3 }],
    ])
    expect(items[1]?.value).toBe('{"b":tru}')
  })

  it('ends with a problem for what is not an array, a broken array or a truncated file', async () => {
    const last = async (text: string) => (await collect(readJsonArray(chunked(text, 3)))).at(-1)
    expect(await last('{"event":"a"}\n{"event":"b"}')).toMatchObject({ line: 1, problem: expect.stringContaining('not a JSON array') })
    expect(await last('[{"a":1} {"b":2}]')).toMatchObject({ problem: expect.stringContaining('expected , or ]') })
    expect(await last('[{"a":1},\n{"b":')).toMatchObject({ line: 2, problem: expect.stringContaining('ends inside the element that starts on line 2') })
    expect(await last('[{"a":1},\n')).toMatchObject({ problem: expect.stringContaining('before the ] that closes') })
    expect(await last('[{"a":1},]')).toMatchObject({ problem: expect.stringContaining('trailing comma') })
    expect(await last('[{"a":1}] x')).toMatchObject({ problem: expect.stringContaining('after the end of the JSON array') })
  })
})
