import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { validationError, type JsonObject, type MixpanelError } from '@mp/core'
import { readChunks, type Chunk } from './readChunks.ts'

const sized = (raw: unknown) => {
  const record = raw as JsonObject
  return E.right({ record, bytes: JSON.stringify(record).length })
}

const drain = async (gen: AsyncGenerator<Chunk, number, undefined>): Promise<{ chunks: Chunk[]; read: number }> => {
  const chunks: Chunk[] = []
  for (;;) {
    const next = await gen.next()
    if (next.done === true) return { chunks, read: next.value }
    chunks.push(next.value)
  }
}

describe('readChunks', () => {
  it('cuts at maxRecords, keeping each record’s input index, and returns how many it read', async () => {
    const source = Array.from({ length: 7 }, (_, i) => ({ i }))
    const { chunks, read } = await drain(readChunks(source, sized, () => undefined, { maxRecords: 3, maxBytes: 1e9 }))
    expect(chunks.map((c) => c.indices)).toEqual([[0, 1, 2], [3, 4, 5], [6]])
    expect(read).toBe(7)
  })

  it('cuts at maxBytes of the JSON array body, counted exactly', async () => {
    const source = Array.from({ length: 10 }, (_, i) => ({ pad: 'x'.repeat(10 + i) }))
    const { chunks } = await drain(readChunks(source, sized, () => undefined, { maxRecords: 100, maxBytes: 80 }))
    for (const chunk of chunks) {
      expect(chunk.bytes).toBe(JSON.stringify(chunk.records).length)
      expect(chunk.bytes).toBeLessThanOrEqual(80)
    }
    expect(chunks.flatMap((c) => c.indices)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(chunks.length).toBeGreaterThan(3)
  })

  it('reports refused events by index and leaves them out of chunks', async () => {
    const refused: Array<[number, MixpanelError]> = []
    const prepare = (raw: unknown, index: number) => (index % 3 === 1 ? E.left(validationError('event', 'bad')) : sized(raw))
    const { chunks, read } = await drain(readChunks([{}, {}, {}, {}, {}], prepare, (i, e) => refused.push([i, e]), { maxRecords: 2, maxBytes: 1e9 }))
    expect(refused.map(([i]) => i)).toEqual([1, 4])
    expect(chunks.map((c) => c.indices)).toEqual([[0, 2], [3]])
    expect(read).toBe(5)
  })

  it('reads an async source lazily: one chunk asked, one chunk (plus one record) read', async () => {
    let reads = 0
    const source = async function* () {
      for (let i = 0; i < 1000; i++) {
        reads++
        yield { i }
      }
    }
    const gen = readChunks(source(), sized, () => undefined, { maxRecords: 10, maxBytes: 1e9 })
    await gen.next()
    expect(reads).toBe(11)
    await gen.next()
    expect(reads).toBe(21)
    await gen.return(0)
  })

  it('passes on an error thrown by the source', async () => {
    const source = async function* () {
      yield {}
      throw new Error('disk gone')
    }
    await expect(drain(readChunks(source(), sized, () => undefined, { maxRecords: 10, maxBytes: 1e9 }))).rejects.toThrow('disk gone')
  })
})
