import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { readBody } from './readBody.ts'

describe('readBody', () => {
  it('collects the body under the limit', async () => {
    expect(await readBody(Readable.from([Buffer.from('ab'), Buffer.from('cd')]), 4)).toEqual({ body: Buffer.from('abcd'), overflow: false })
  })
  it('drains and discards a body over the limit', async () => {
    const stream = Readable.from([Buffer.from('abc'), Buffer.from('def')])
    expect(await readBody(stream, 4)).toEqual({ body: Buffer.alloc(0), overflow: true })
    expect(stream.readableEnded).toBe(true)
  })
})
