// A what-if, never shipped: the least code an `alias` that uses ky can be. It exists to show where the
// size budgets stand against ky (the `ref: least alias with ky` row of `node scripts/size.mjs`).
//
// It keeps only what no honest `alias` can drop: config checks (token, region, host, http refused,
// numbers), the two id checks, one ky POST that leaves retries, backoff, Retry-After and the timeout to
// ky itself (so no retry code of ours), and decoding Mixpanel's `1` / verbose answer into tagged errors.
// It leaves out, on purpose, things the real `alias` does: `meta` and its JSON-safety checks, Basic auth
// and service accounts, gzip, a deadline that covers reading the body, secret scrubbing, readable
// per-field messages for every config option, and fp-ts. Whatever this weighs, the real thing weighs more.
import ky from 'ky'

const right = (value) => ({ _tag: 'Right', right: value })
const left = (error) => ({ _tag: 'Left', left: error })
const fail = (_tag, message, more) => ({ _tag, message, ...more })
const HOSTS = { us: 'api.mixpanel.com', eu: 'api-eu.mixpanel.com', in: 'api-in.mixpanel.com' }
const PLACEHOLDERS = ['00000000-0000-0000-0000-000000000000', 'anon', 'anonymous', 'nil', 'none', 'null', 'n/a', 'na', 'undefined', 'unknown', '<nil>', '0', '-1', 'true', 'false', '[]', '{}', 'lmy47d']

const badId = (field, id) =>
  typeof id !== 'string' || id.trim() === ''
    ? `${field} must be a non-empty string`
    : PLACEHOLDERS.includes(id.trim().toLowerCase()) ? `${field} "${id}" is a placeholder id Mixpanel refuses` : undefined

const count = (value, fallback) => (value === undefined ? fallback : Number.isFinite(value) && value >= 0 ? value : Number.NaN)

const normalize = (config) => {
  const bad = (field, message) => left(fail('ConfigError', message, { field }))
  try {
    if (typeof config?.token !== 'string' || config.token === '') return bad('token', 'config.token must be your project token')
    const region = config.region ?? 'us'
    if (!Object.hasOwn(HOSTS, region)) return bad('region', "config.region must be 'us', 'eu' or 'in'")
    let origin = `https://${HOSTS[region]}`
    if (config.host !== undefined) {
      let url
      try {
        url = new URL(/^[a-z]+:\/\//i.test(config.host) ? config.host : `https://${config.host}`)
      } catch {
        return bad('host', 'config.host must be a host name or an origin')
      }
      if (url.protocol === 'http:' && !/^(127\.|localhost$|\[::1\]$)/.test(url.hostname) && config.allowInsecureHttp !== true) {
        return bad('host', 'config.host uses plain http; use https or a loopback host')
      }
      origin = url.origin
    }
    const numbers = [count(config.timeoutMs, 10_000), count(config.retry?.limit, 4), count(config.retry?.baseDelayMs, 500), count(config.retry?.maxDelayMs, 30_000)]
    if (numbers.some(Number.isNaN)) return bad('retry', 'config.timeoutMs and config.retry values must be non-negative numbers')
    if (config.fetch !== undefined && typeof config.fetch !== 'function') return bad('fetch', 'config.fetch must be a function')
    const [timeoutMs, limit, baseDelayMs, maxDelayMs] = numbers
    return right({ token: config.token, origin, timeoutMs, limit, baseDelayMs, maxDelayMs, fetch: config.fetch })
  } catch {
    return bad('config', 'config could not be read')
  }
}

const build = (input) => {
  const problem = badId('aliasId', input?.aliasId) ?? badId('original', input?.original) ?? (input.aliasId === input.original ? 'aliasId and original are the same id' : undefined)
  if (problem !== undefined) return left(fail('ValidationError', problem))
  const record = { event: '$create_alias', properties: { distinct_id: input.original, alias: input.aliasId, token: input.token } }
  return right({ endpoint: '/track', auth: 'token', records: [record] })
}

const send = (config) => (request) => async () => {
  const resolved = normalize(config)
  if (resolved._tag === 'Left') return resolved
  const { origin, timeoutMs, limit, baseDelayMs, maxDelayMs } = resolved.right
  let response
  try {
    response = await ky.post(`${origin}${request.endpoint}?verbose=1&ip=0`, {
      json: request.records,
      timeout: timeoutMs,
      fetch: resolved.right.fetch,
      redirect: 'manual',
      retry: { limit, methods: ['post'], statusCodes: [429, 500, 502, 503, 504], afterStatusCodes: [429, 503], delay: (n) => baseDelayMs * 2 ** (n - 1), backoffLimit: maxDelayMs, jitter: true, retryOnTimeout: true },
    })
  } catch (error) {
    const status = error?.response?.status
    return left(
      status === 429
        ? fail('RateLimited', 'Mixpanel kept answering 429 Too Many Requests', { status })
        : status === 413
          ? fail('PayloadTooLarge', 'Mixpanel refused the request as too large', { status })
          : status !== undefined
            ? fail('HttpError', `Mixpanel answered HTTP ${status}`, { status })
            : error?.name === 'TimeoutError'
              ? fail('TimeoutError', `no answer within ${timeoutMs} ms`)
              : fail('NetworkError', `could not reach ${origin}`),
    )
  }
  const text = await response.text().catch(() => '')
  let body
  try {
    body = JSON.parse(text)
  } catch {
    return left(fail('DecodeError', 'Mixpanel answered something that is not JSON'))
  }
  if (body === 1 || body?.status === 1) return right({ endpoint: request.endpoint, records: request.records.length })
  return left(fail('ApiRejected', `Mixpanel rejected the request: ${String(body?.error ?? text)}`))
}

export const alias = (config) => (input) => {
  const built = build({ ...input, token: config?.token })
  return built._tag === 'Left' ? async () => built : send(config)(built.right)
}
