// Small crafted HTTP servers on 127.0.0.1 for the security and transport suites.
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

/** A request as the server saw it. */
export interface Seen {
  readonly method: string
  /** Path and query, as sent. */
  readonly url: string
  readonly headers: IncomingHttpHeaders
  readonly body: string
}

/** How to answer one request: a status with a body and headers, or never (a hung server). */
export type Answer = { readonly status: number; readonly body?: string; readonly headers?: Readonly<Record<string, string>> } | 'hang'

export interface CraftedServer {
  readonly url: string
  readonly seen: ReadonlyArray<Seen>
  stop(): Promise<void>
}

/**
 * Starts a server whose every answer comes from `answer` (given the request and its number).
 * Hung requests stay open until the client gives up or `stop()`.
 * @example
 * const server = await startCraftedServer(() => ({ status: 200, body: '1' }))
 */
export const startCraftedServer = async (answer: (request: Seen, index: number) => Answer): Promise<CraftedServer> => {
  const seen: Seen[] = []
  const sockets = new Set<Socket>()
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const request: Seen = { method: req.method ?? '', url: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }
      seen.push(request)
      const reply = answer(request, seen.length - 1)
      if (reply === 'hang') return
      res.writeHead(reply.status, { 'content-type': 'text/plain', ...reply.headers })
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
    seen,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      }),
  }
}

/**
 * A server that echoes every credential it received back in its answer body, decoded and
 * re-encoded in the ways a careless proxy or error page might: the worst case for secret leaks.
 * @example
 * const server = await startEchoServer(() => 401)
 */
export const startEchoServer = (status: (index: number) => number): Promise<CraftedServer> =>
  startCraftedServer((request, index) => {
    const authorization = request.headers['authorization'] ?? ''
    const decoded = Buffer.from(authorization.replace(/^Basic /, ''), 'base64').toString('utf8')
    const code = status(index)
    const body = JSON.stringify({
      error: `bad credentials ${authorization} (${decoded}) ${encodeURIComponent(decoded)} for ${request.url}`,
      status: code === 200 ? 0 : 'error',
      authorization,
      decoded,
    })
    return {
      status: code,
      body,
      headers: { 'content-type': 'application/json', ...(code === 429 ? { 'retry-after': '0' } : {}), ...(code >= 300 && code < 400 ? { location: `/elsewhere?auth=${encodeURIComponent(authorization)}` } : {}) },
    }
  })
