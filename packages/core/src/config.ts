import { either as E } from 'fp-ts'
import { configError, type ConfigError } from './errors.ts'
import { redact, type Redacted } from './redacted.ts'
import { serviceAccount, type ServiceAccount } from './serviceAccount.ts'

/** Mixpanel's data-residency regions. */
export type Region = 'us' | 'eu' | 'in'

/** How `send` retries: `limit` retries after the first try, exponential backoff with full jitter. */
export interface RetryPolicy {
  readonly limit?: number
  readonly baseDelayMs?: number
  readonly maxDelayMs?: number
}

/** What every action and `send` take. Only `token` is required. */
export interface Config {
  readonly token: string
  /** Legacy Basic auth for `/import` and `$merge`. */
  readonly apiSecret?: string
  /** Basic auth plus `?project_id=` for `/import`, `$merge` and the flag API. */
  readonly serviceAccount?: ServiceAccount
  /** `api` / `api-eu` / `api-in` `.mixpanel.com`; default `'us'`. */
  readonly region?: Region
  /** Overrides `region`: a host name (`api-eu.mixpanel.com`) or an origin (`http://127.0.0.1:4000`), optionally with a path prefix. */
  readonly host?: string
  /** Per attempt, including reading the body. Default 10 000. */
  readonly timeoutMs?: number
  readonly retry?: RetryPolicy
  /** Injectable transport; default `globalThis.fetch`. */
  readonly fetch?: typeof fetch
  /** Gzip request bodies (never on `/engage`, which refuses it). Default false. */
  readonly gzip?: boolean
  /** Allow plain `http://` to a host that is not loopback. Default false. */
  readonly allowInsecureHttp?: boolean
  /** Injectable sleep used between retries, so tests never wait. Default `setTimeout`. */
  readonly sleep?: (ms: number) => Promise<void>
  /** Injectable randomness for backoff jitter, in [0, 1). Default `Math.random`. */
  readonly random?: () => number
}

/** Credentials in a form that never prints its secret. */
export type Credentials =
  | { readonly kind: 'serviceAccount'; readonly username: string; readonly projectId: string; readonly secret: Redacted }
  | { readonly kind: 'apiSecret'; readonly secret: Redacted }

/** A config with every default filled in and every field checked. */
export interface ResolvedConfig {
  readonly token: string
  /** Origin plus optional path prefix, no trailing slash: `https://api.mixpanel.com`. */
  readonly baseUrl: string
  readonly timeoutMs: number
  readonly retry: Required<RetryPolicy>
  readonly gzip: boolean
  /** Service account if given, else API secret if given. */
  readonly credentials: Credentials | undefined
  readonly fetch: typeof fetch | undefined
  readonly sleep: ((ms: number) => Promise<void>) | undefined
  readonly random: () => number
}

/** The defaults `normalizeConfig` fills in. */
export const CONFIG_DEFAULTS = {
  region: 'us',
  timeoutMs: 10_000,
  retry: { limit: 4, baseDelayMs: 500, maxDelayMs: 30_000 },
} as const

const REGION_HOSTS: Readonly<Record<Region, string>> = {
  us: 'api.mixpanel.com',
  eu: 'api-eu.mixpanel.com',
  in: 'api-in.mixpanel.com',
}

const isLoopback = (hostname: string): boolean =>
  hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname)

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null

const nonNegativeInt = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0

// Optional fields that only need the right type, checked in this order.
const OPTIONAL_TYPES = [
  ['fetch', 'function', 'must be a fetch function'],
  ['sleep', 'function', 'must be a function'],
  ['random', 'function', 'must be a function'],
  ['gzip', 'boolean', 'must be true or false'],
] as const

const resolveBaseUrl = (config: Config): E.Either<ConfigError, string> => {
  if (config.host === undefined) {
    const region = config.region ?? CONFIG_DEFAULTS.region
    const host = REGION_HOSTS[region]
    return host === undefined
      ? E.left(configError('region', `must be one of 'us', 'eu', 'in' (got ${JSON.stringify(region)})`))
      : E.right(`https://${host}`)
  }
  if (typeof config.host !== 'string' || config.host.trim() === '') {
    return E.left(configError('host', 'must be a host name such as api-eu.mixpanel.com or an origin such as http://127.0.0.1:4000'))
  }
  const raw = config.host.trim()
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`
  let url: URL
  try {
    url = new URL(withScheme)
  } catch {
    // Never echo what could be credentials: anything up to an '@' is masked.
    return E.left(configError('host', `${JSON.stringify(raw.replace(/^([a-z][a-z0-9+.-]*:\/\/)?.*@/i, '$1***@'))} is not a host name or URL`))
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return E.left(configError('host', `only https (or http to loopback) is supported, not ${url.protocol}`))
  }
  if (url.username !== '' || url.password !== '') {
    return E.left(configError('host', 'must not carry credentials; use apiSecret or serviceAccount'))
  }
  if (url.search !== '' || url.hash !== '') {
    return E.left(configError('host', 'must not carry a query string or fragment'))
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname) && config.allowInsecureHttp !== true) {
    return E.left(
      configError('host', `plain http to ${url.hostname} would send data unencrypted; use https, a loopback host, or set allowInsecureHttp: true`),
    )
  }
  return E.right(`${url.origin}${url.pathname.replace(/\/+$/, '')}`)
}

const resolveCredentials = (config: Config): E.Either<ConfigError, Credentials | undefined> => {
  if (config.serviceAccount !== undefined) {
    const sa: unknown = config.serviceAccount
    if (!isObject(sa)) return E.left(configError('serviceAccount', 'must be the result of serviceAccount(username, secret, projectId)'))
    const ok = serviceAccount(sa['username'], sa['secret'], sa['projectId'])
    return E.isLeft(ok)
      ? ok
      : E.right({ kind: 'serviceAccount', username: ok.right.username, projectId: ok.right.projectId, secret: redact(ok.right.secret) })
  }
  if (config.apiSecret !== undefined) {
    if (typeof config.apiSecret !== 'string' || config.apiSecret.trim() === '') {
      return E.left(configError('apiSecret', 'must be a non-empty string'))
    }
    return E.right({ kind: 'apiSecret', secret: redact(config.apiSecret.trim()) })
  }
  return E.right(undefined)
}

const resolveRetry = (retry: unknown): E.Either<ConfigError, Required<RetryPolicy>> => {
  if (retry === undefined) return E.right(CONFIG_DEFAULTS.retry)
  if (!isObject(retry)) return E.left(configError('retry', 'must be an object such as { limit: 4 }'))
  const limit = retry['limit'] ?? CONFIG_DEFAULTS.retry.limit
  const baseDelayMs = retry['baseDelayMs'] ?? CONFIG_DEFAULTS.retry.baseDelayMs
  const maxDelayMs = retry['maxDelayMs'] ?? Math.max(CONFIG_DEFAULTS.retry.maxDelayMs, baseDelayMs as number)
  if (!nonNegativeInt(limit)) return E.left(configError('retry.limit', 'must be a whole number ≥ 0'))
  if (!nonNegativeInt(baseDelayMs)) return E.left(configError('retry.baseDelayMs', 'must be a whole number of milliseconds ≥ 0'))
  if (!nonNegativeInt(maxDelayMs) || maxDelayMs < baseDelayMs) {
    return E.left(configError('retry.maxDelayMs', 'must be a whole number of milliseconds ≥ baseDelayMs'))
  }
  return E.right({ limit, baseDelayMs, maxDelayMs })
}

/**
 * Checks a `Config` and fills in its defaults: region → host, timeout 10 s, 4 retries, no gzip.
 * Refuses plain `http://` unless the host is loopback or `allowInsecureHttp` is set.
 * Pure: the same config always gives the same result.
 * @example
 * import { normalizeConfig } from '@mp/core'
 * normalizeConfig({ token: 'abc', region: 'eu' })
 * // Right({ token: 'abc', baseUrl: 'https://api-eu.mixpanel.com', timeoutMs: 10000, … })
 */
export const normalizeConfig = (config: Config): E.Either<ConfigError, ResolvedConfig> => {
  try {
    return resolve(config)
  } catch {
    // A config whose getters (or Proxy traps) throw is bad input like any other, never an exception.
    return E.left({ _tag: 'ConfigError', field: 'config', message: 'Invalid config: it could not be read (a property getter threw)' })
  }
}

const resolve = (config: Config): E.Either<ConfigError, ResolvedConfig> => {
  if (!isObject(config)) return E.left(configError('', 'config must be an object such as { token: "…" }'))
  if (typeof config.token !== 'string' || config.token.trim() === '') {
    return E.left(configError('token', 'must be your project token, a non-empty string'))
  }
  const timeoutMs = config.timeoutMs ?? CONFIG_DEFAULTS.timeoutMs
  if (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    return E.left(configError('timeoutMs', 'must be a positive number of milliseconds'))
  }
  for (const [field, type, reason] of OPTIONAL_TYPES) {
    if (config[field] !== undefined && typeof config[field] !== type) return E.left(configError(field, reason))
  }
  const baseUrl = resolveBaseUrl(config)
  if (E.isLeft(baseUrl)) return baseUrl
  const credentials = resolveCredentials(config)
  if (E.isLeft(credentials)) return credentials
  const retry = resolveRetry(config.retry)
  if (E.isLeft(retry)) return retry
  return E.right({
    token: config.token.trim(),
    baseUrl: baseUrl.right,
    timeoutMs,
    retry: retry.right,
    gzip: config.gzip ?? false,
    credentials: credentials.right,
    fetch: config.fetch,
    sleep: config.sleep,
    random: config.random ?? Math.random,
  })
}
