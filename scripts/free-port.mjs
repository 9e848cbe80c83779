// A port on 127.0.0.1 that was free a moment ago, for servers the scripts start (workerd, PostgreSQL).
import { createServer } from 'node:net'

/** Resolves with a port the system just handed out and released. */
export const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
