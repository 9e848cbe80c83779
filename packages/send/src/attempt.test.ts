import { createServer } from 'node:net'
import { either as E } from 'fp-ts'
import { afterEach, describe, expect, it } from 'vitest'
import { attempt, type AttemptSpec } from './attempt.ts'
import { startTestServer, type Reply, type TestServer } from './test-server.ts'

let server: TestServer | undefined
afterEach(async () => {
  await server?.stop()
  server = undefined
})

const serve = async (reply: Reply) => (server = await startTestServer(() => reply))
const spec = (url: string, more: Partial<AttemptSpec> = {}): AttemptSpec => ({
  method: 'POST',
  url,
  headers: { 'Content-Type': 'application/json' },
  body: '[]',
  timeoutMs: 2000,
  fetch: undefined,
  secrets: [],
  ...more,
})

// A port nothing listens on: bind, read the port, close.
const freePort = async (): Promise<number> => {
  const s = createServer()
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))
  const port = (s.address() as { port: number }).port
  await new Promise<void>((resolve) => s.close(() => resolve()))
  return port
}

describe('attempt', () => {
  it('answers status, full body and Retry-After, for any status', async () => {
    const s = await serve({ status: 503, body: 'busy', headers: { 'Retry-After': '4' } })
    expect(await attempt(spec(`${s.url}/track`))()).toStrictEqual(E.right({ status: 503, body: 'busy', retryAfter: '4' }))
    expect(s.received[0]?.text).toBe('[]')
  })
  it('does not follow redirects', async () => {
    const s = await serve({ status: 307, headers: { Location: 'http://127.0.0.1:1/elsewhere' } })
    expect(await attempt(spec(`${s.url}/import`))()).toMatchObject(E.right({ status: 307 }))
    expect(s.received).toHaveLength(1)
  })
  it('classifies a refused connection as a network failure', async () => {
    const port = await freePort()
    const result = await attempt(spec(`http://127.0.0.1:${port}/track`))()
    expect(result).toMatchObject(E.left({ kind: 'network' }))
  })
  it('classifies a reset connection as a network failure', async () => {
    const s = await serve({ kind: 'reset' })
    expect(await attempt(spec(`${s.url}/track`))()).toMatchObject(E.left({ kind: 'network' }))
  })
  it('times out a server that never answers', async () => {
    const s = await serve({ kind: 'hang' })
    expect(await attempt(spec(`${s.url}/track`, { timeoutMs: 100 }))()).toStrictEqual(E.left({ kind: 'timeout' }))
  })
  it('times out a body that stalls after the headers', async () => {
    const s = await serve({ kind: 'stall', status: 200 })
    expect(await attempt(spec(`${s.url}/import`, { timeoutMs: 150 }))()).toStrictEqual(E.left({ kind: 'timeout' }))
  })
  it('uses an injected fetch, and a throwing one is a network failure with secrets scrubbed', async () => {
    const seen: string[] = []
    const fake = (async (input: Request) => (seen.push(input.method), new Response('1', { status: 200 }))) as unknown as typeof fetch
    expect(await attempt(spec('https://example.invalid/track', { fetch: fake }))()).toStrictEqual(E.right({ status: 200, body: '1', retryAfter: null }))
    expect(seen).toStrictEqual(['POST'])
    const throwing = (() => { throw new Error('boom s3cret') }) as unknown as typeof fetch
    const result = await attempt(spec('https://example.invalid/track', { fetch: throwing, secrets: ['s3cret'] }))()
    expect(result).toStrictEqual(E.left({ kind: 'network', message: 'boom ***' }))
  })
  it('times out an injected fetch that ignores the abort signal', async () => {
    const never = (() => new Promise<Response>(() => undefined)) as unknown as typeof fetch
    expect(await attempt(spec('https://example.invalid/track', { fetch: never, timeoutMs: 50 }))()).toStrictEqual(E.left({ kind: 'timeout' }))
  })
})
