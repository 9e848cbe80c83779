import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { gunzipSync } from 'node:zlib'

/** A request the test server received, body decoded (gunzipped when sent with gzip). */
export interface Received {
  readonly method: string
  readonly path: string
  readonly query: URLSearchParams
  readonly headers: IncomingHttpHeaders
  readonly raw: Buffer
  readonly text: string
}

/** How the test server answers one request. */
export type Reply =
  | { readonly status: number; readonly body?: string; readonly headers?: Record<string, string> }
  | { readonly kind: 'hang' }
  | { readonly kind: 'stall'; readonly status: number }
  | { readonly kind: 'reset' }

export interface TestServer {
  readonly url: string
  readonly received: ReadonlyArray<Received>
  stop(): Promise<void>
}

/**
 * A tiny HTTP server on 127.0.0.1 for exact, crafted answers: `handler` sees each request
 * (numbered from 0) and says how to answer. `stall` sends headers and part of a body, then nothing.
 * @example
 * const server = await startTestServer(() => ({ status: 200, body: '1' }))
 */
export const startTestServer = async (handler: (request: Received, index: number) => Reply): Promise<TestServer> => {
  const received: Received[] = []
  const sockets = new Set<Socket>()
  const stalled = new Set<ServerResponse>()
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const raw = Buffer.concat(chunks)
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const gzip = req.headers['content-encoding'] === 'gzip'
      const request: Received = {
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        raw,
        text: (gzip ? gunzipSync(raw) : raw).toString('utf8'),
      }
      received.push(request)
      const reply = handler(request, received.length - 1)
      if ('kind' in reply) {
        if (reply.kind === 'reset') req.socket.destroy()
        if (reply.kind === 'stall') {
          res.writeHead(reply.status, { 'Content-Type': 'application/json', 'Content-Length': '100' })
          res.write('{"code":200,')
          stalled.add(res)
        }
        return
      }
      res.writeHead(reply.status, { 'Content-Type': 'text/plain', ...reply.headers })
      res.end(reply.body ?? '')
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
