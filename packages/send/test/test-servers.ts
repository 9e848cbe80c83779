// The echo server for the security suites, built on send's crafted test server.
import { startTestServer, type TestServer } from '../src/test-server.ts'

export { startTestServer, type TestServer }

/**
 * A server that echoes every credential it received back in its answer body, decoded and
 * re-encoded in the ways a careless proxy or error page might: the worst case for secret leaks.
 * @example
 * const server = await startEchoServer(() => 401)
 */
export const startEchoServer = (status: (index: number) => number): Promise<TestServer> =>
  startTestServer((request, index) => {
    const authorization = request.headers['authorization'] ?? ''
    const decoded = Buffer.from(authorization.replace(/^Basic /, ''), 'base64').toString('utf8')
    const code = status(index)
    const body = JSON.stringify({
      error: `bad credentials ${authorization} (${decoded}) ${encodeURIComponent(decoded)} for ${request.path}?${request.query.toString()}`,
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
