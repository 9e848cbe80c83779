import type { Readable } from 'node:stream'

/**
 * Reads a request body, keeping at most `limit` bytes: the rest is drained and discarded (so the
 * client can finish sending and read the 413) and `overflow` says it happened.
 * @example
 * const { body, overflow } = await readBody(request, 10_485_760)
 */
export const readBody = (stream: Readable, limit: number): Promise<{ body: Buffer; overflow: boolean }> =>
  new Promise((resolve, reject) => {
    const chunks: Array<Buffer> = []
    let size = 0
    let overflow = false
    stream.on('data', (chunk: Buffer) => {
      if (overflow) return
      size += chunk.length
      if (size > limit) {
        overflow = true
        chunks.length = 0
      } else chunks.push(chunk)
    })
    stream.on('end', () => resolve({ body: Buffer.concat(chunks), overflow }))
    stream.on('error', reject)
    // A client that disconnects mid-body never sends 'end'; after 'end' this rejection is a no-op.
    stream.on('close', () => reject(new Error('request closed before its body ended')))
  })
