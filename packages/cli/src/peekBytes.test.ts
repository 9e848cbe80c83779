import { describe, expect, it } from 'vitest'
import { peekBytes } from './peekBytes.ts'
import { chunked, collect } from './test-io.ts'

describe('peekBytes', () => {
  it('shows the first bytes and still yields the whole stream', async () => {
    const { head, all } = await peekBytes(chunked('hello world', 3), (head) => head.length >= 5)
    expect(head.toString()).toBe('hello ')
    expect(Buffer.concat(await collect(all)).toString()).toBe('hello world')
  })

  it('answers fewer bytes at the end of a short stream', async () => {
    const { head, all } = await peekBytes(chunked('hi', 1), (head) => head.length >= 10)
    expect(head.toString()).toBe('hi')
    expect(Buffer.concat(await collect(all)).toString()).toBe('hi')
  })

  it('closes the source when the reader stops early', async () => {
    let closed = false
    async function* source(): AsyncGenerator<Buffer> {
      try {
        for (let i = 0; i < 10; i++) yield Buffer.from([i])
      } finally {
        closed = true
      }
    }
    const { all } = await peekBytes(source(), (head) => head.length >= 1)
    for await (const chunk of all) if (chunk[0] === 3) break
    expect(closed).toBe(true)
  })
})
