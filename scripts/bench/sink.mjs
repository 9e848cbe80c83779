// A neutral loopback Mixpanel sink for the benchmark. It is deliberately not @mp/emulator: it
// validates nothing beyond "these are event records", so the server's cost per record is the same
// whichever client sends them. It accepts every encoding the clients use:
//   - JSON array or object body (application/json), optionally gzip (Content-Encoding: gzip);
//   - form body `data=<base64 JSON>`, with `+` left unescaped as mixpanel-node sends it;
//   - GET `?data=<base64 JSON>` (mixpanel-node's per-call track).
// It counts requests, records, and bytes on the wire (request line + headers + body as sent), and
// answers what each client expects: `1`, verbose `{"error":null,"status":1}`, or strict /import's
// `{"code":200,"num_records_imported":N,"status":"OK"}`.
//
// Run as a child process (`fork`): it listens on HTTP and, when the parent sends a certificate,
// HTTPS, and answers `stats` / `reset` messages over IPC.
import http from 'node:http'
import https from 'node:https'
import { gunzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'

/** Bytes of the request head as it crossed the wire (HTTP/1.1 request line + headers + blank line). */
const headBytes = (req) => {
  let n = req.method.length + 1 + Buffer.byteLength(req.url) + 11 + 2 // "GET /x HTTP/1.1\r\n"
  const raw = req.rawHeaders
  for (let i = 0; i < raw.length; i += 2) n += Buffer.byteLength(raw[i]) + 2 + Buffer.byteLength(raw[i + 1]) + 2
  return n + 2
}

// Base64 in a query string or form body: `%2B`-style escapes are undone, but `+` is kept as `+`
// (mixpanel-node does not escape it in form bodies, and base64 never contains a space).
const fromBase64Field = (value) => Buffer.from(value.includes('%') ? decodeURIComponent(value) : value, 'base64').toString('utf8')

const dataField = (text) => {
  for (const part of text.split('&')) if (part.startsWith('data=')) return part.slice(5)
  return undefined
}

/**
 * Decodes one request into its JSON payload text, whatever the encoding.
 * @param {{ method: string, url: string, headers: Record<string, string | undefined>, body: Buffer }} req
 * @returns {string | undefined} the JSON text, or undefined when the request carries no data
 */
export const decodePayload = ({ method, url, headers, body }) => {
  if (method === 'GET') {
    const query = url.slice(url.indexOf('?') + 1)
    const data = dataField(query)
    return data === undefined ? undefined : fromBase64Field(data)
  }
  const raw = (headers['content-encoding'] ?? '').includes('gzip') ? gunzipSync(body) : body
  const type = headers['content-type'] ?? ''
  if (type.includes('x-www-form-urlencoded')) {
    const data = dataField(raw.toString('latin1'))
    return data === undefined ? undefined : fromBase64Field(data)
  }
  return raw.toString('utf8')
}

/** Records in a payload: an array of events, or a single event object. */
export const countRecords = (json) => {
  const value = JSON.parse(json)
  const records = Array.isArray(value) ? value : [value]
  for (const r of records) if (typeof r !== 'object' || r === null || typeof r.event !== 'string') throw new Error('not an event record')
  return records.length
}

/** What a client expects back for a successful request. */
export const successBody = (url, records) => {
  const query = url.slice(url.indexOf('?') + 1).split('&')
  if (query.includes('strict=1')) return `{"code":200,"num_records_imported":${records},"status":"OK"}`
  if (query.includes('verbose=1')) return '{"error":null,"status":1}'
  return '1'
}

const emptyStats = () => ({ requests: 0, records: 0, wireBytes: 0, bodyBytes: 0, jsonBytes: 0, bad: 0, byEndpoint: {} })

/** Creates the request handler and the counters it fills. */
export const createSink = () => {
  let stats = emptyStats()
  const handler = (req, res) => {
    const chunks = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      const endpoint = req.url.split('?')[0]
      let records = 0
      try {
        const json = decodePayload({ method: req.method, url: req.url, headers: req.headers, body })
        if (json === undefined) throw new Error('no data')
        records = countRecords(json)
        stats.jsonBytes += Buffer.byteLength(json)
      } catch {
        stats.bad++
        res.writeHead(400, { 'Content-Type': 'text/plain' }).end('0')
        return
      }
      stats.requests++
      stats.records += records
      stats.bodyBytes += body.length
      stats.wireBytes += headBytes(req) + body.length
      stats.byEndpoint[endpoint] = (stats.byEndpoint[endpoint] ?? 0) + records
      const answer = successBody(req.url, records)
      res.writeHead(200, { 'Content-Type': answer === '1' ? 'text/plain' : 'application/json', 'Content-Length': answer.length }).end(answer)
    })
  }
  return {
    handler,
    stats: () => stats,
    reset: () => {
      stats = emptyStats()
    },
  }
}

const listen = (server) =>
  new Promise((resolve) => {
    // A deep backlog: mixpanel-node opens one connection per request in flight (thousands at once).
    server.listen({ host: '127.0.0.1', port: 0, backlog: 65_535 }, () => resolve(server.address().port))
  })

const main = async () => {
  const sink = createSink()
  const servers = []
  const plain = http.createServer({ keepAliveTimeout: 60_000 }, sink.handler)
  servers.push(plain)
  const ports = { http: await listen(plain), https: undefined }
  process.on('message', async (message) => {
    if (message.type === 'tls') {
      const secure = https.createServer({ key: message.key, cert: message.cert, keepAliveTimeout: 60_000 }, sink.handler)
      servers.push(secure)
      ports.https = await listen(secure)
      process.send({ type: 'tls-ready', port: ports.https })
    } else if (message.type === 'stats') process.send({ type: 'stats', stats: sink.stats() })
    else if (message.type === 'reset') {
      sink.reset()
      // Drop idle keep-alive sockets of the previous client so each run starts from zero.
      for (const s of servers) s.closeIdleConnections?.()
      process.send({ type: 'reset-done' })
    } else if (message.type === 'stop') {
      for (const s of servers) s.closeAllConnections?.()
      process.exit(0)
    }
  })
  process.on('disconnect', () => process.exit(0))
  process.send({ type: 'ready', port: ports.http })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) void main()
