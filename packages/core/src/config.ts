import { either as E } from 'fp-ts'
import { configError, type ConfigError } from './errors.ts'
import { redact, type Redacted } from './redacted.ts'
import { readServiceAccount, type ServiceAccount } from './serviceAccount.ts'

/** Mixpanel's data-residency regions. */
export type Region = 'us' | 'eu' | 'in'

/** A project's identity system (Project Settings → Identity Merge): Simplified ID Merge or Original ID Merge. */
export type IdMerge = 'simplified' | 'original'

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
  /**
   * The project's identity system. `'simplified'` (every organisation created since April 2024):
   * `alias`, `merge` and `identify` answer a `ConfigError` and send nothing, because Mixpanel ignores
   * them there; ids are linked by an event carrying both `deviceId` and `userId`. `'original'` or
   * absent: the three are sent.
   */
  readonly idMerge?: IdMerge
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
  readonly idMerge: IdMerge | undefined
}

/** The defaults `normalizeConfig` fills in. */
export const CONFIG_DEFAULTS = {
  region: 'us',
  timeoutMs: 10_000,
  retry: { limit: 4, baseDelayMs: 500, maxDelayMs: 30_000 },
} as const

// Each check answers its ConfigError or undefined, so `a ?? b ?? c` reads top to bottom and stops at
// the first problem without running the checks after it.
const refuse = (ok: boolean, field: string, reason: string): ConfigError | undefined => (ok ? undefined : configError(field, reason))

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null

const isText = (x: unknown): x is string => typeof x === 'string' && x.trim() !== ''

const isWholeAtLeast = (x: unknown, least: number): boolean => Number.isInteger(x) && (x as number) >= least

// Optional fields that only need the right type, checked in this order.
const OPTIONAL_TYPES = [
  ['fetch', 'function', 'must be a fetch function'],
  ['sleep', 'function', 'must be a function'],
  ['random', 'function', 'must be a function'],
  ['gzip', 'boolean', 'must be true or false'],
] as const

const REGIONS: ReadonlyArray<unknown> = ['us', 'eu', 'in']

const ID_MERGES: ReadonlyArray<unknown> = [undefined, 'simplified', 'original']

const LOOPBACK = /^(localhost|\[::1\]|127(\.\d{1,3}){3})$/

const parseHost = (host: unknown): URL | undefined => {
  if (typeof host !== 'string') return undefined
  const text = host.trim()
  try {
    // A bare host name means https.
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`)
  } catch {
    return undefined
  }
}

// The host is never echoed back in a message: it may carry credentials.
const resolveBaseUrl = (config: Config): E.Either<ConfigError, string> => {
  const region = config.region ?? CONFIG_DEFAULTS.region
  if (config.host === undefined) {
    const refused = refuse(REGIONS.includes(region), 'region', "must be 'us', 'eu' or 'in'")
    return refused === undefined ? E.right(`https://api${region === 'us' ? '' : `-${region}`}.mixpanel.com`) : E.left(refused)
  }
  const url = parseHost(config.host)
  if (url === undefined || !/^https?:$/.test(url.protocol) || url.username + url.password + url.search + url.hash !== '') {
    return E.left(
      configError('host', 'must be a host name such as api-eu.mixpanel.com or an http(s) origin such as http://127.0.0.1:4000, without credentials, query or fragment'),
    )
  }
  const refused = refuse(
    url.protocol === 'https:' || LOOPBACK.test(url.hostname) || config.allowInsecureHttp === true,
    'host',
    `plain http to ${url.hostname} would send data unencrypted; use https, a loopback host, or set allowInsecureHttp: true`,
  )
  return refused === undefined ? E.right(url.origin + url.pathname.replace(/\/+$/, '')) : E.left(refused)
}

const resolveCredentials = (config: Config): E.Either<ConfigError, Credentials | undefined> => {
  const account: unknown = config.serviceAccount
  if (account !== undefined) {
    if (!isObject(account)) return E.left(configError('serviceAccount', 'must be the result of serviceAccount(username, secret, projectId)'))
    const read = readServiceAccount([account['username'], account['secret'], account['projectId']])
    if (E.isLeft(read)) return read
    const [username, secret, projectId] = read.right
    return E.right({ kind: 'serviceAccount', username, projectId, secret: redact(secret) })
  }
  const apiSecret: unknown = config.apiSecret
  if (apiSecret === undefined) return E.right(undefined)
  return isText(apiSecret) ? E.right({ kind: 'apiSecret', secret: redact(apiSecret.trim()) }) : E.left(configError('apiSecret', 'must be a non-empty string'))
}

const resolveRetry = (retry: unknown): E.Either<ConfigError, Required<RetryPolicy>> => {
  const defaults = CONFIG_DEFAULTS.retry
  if (retry === undefined) return E.right(defaults)
  if (!isObject(retry)) return E.left(configError('retry', 'must be an object such as { limit: 4 }'))
  const limit = retry['limit'] ?? defaults.limit
  const baseDelayMs = retry['baseDelayMs'] ?? defaults.baseDelayMs
  // A base delay above the default maximum lifts the maximum instead of being refused.
  const maxDelayMs = retry['maxDelayMs'] ?? Math.max(defaults.maxDelayMs, baseDelayMs as number)
  const refused =
    refuse(isWholeAtLeast(limit, 0), 'retry.limit', 'must be a whole number ≥ 0') ??
    refuse(isWholeAtLeast(baseDelayMs, 0), 'retry.baseDelayMs', 'must be a whole number of milliseconds ≥ 0') ??
    refuse(isWholeAtLeast(maxDelayMs, baseDelayMs as number), 'retry.maxDelayMs', 'must be a whole number of milliseconds ≥ baseDelayMs')
  return refused === undefined ? E.right({ limit, baseDelayMs, maxDelayMs } as Required<RetryPolicy>) : E.left(refused)
}

const resolve = (config: Config, readCredentials: typeof resolveCredentials): E.Either<ConfigError, ResolvedConfig> => {
  const timeoutMs = isObject(config) ? (config.timeoutMs ?? CONFIG_DEFAULTS.timeoutMs) : undefined
  const refused =
    refuse(isObject(config), '', 'must be an object such as { token: "…" }') ??
    refuse(isText(config.token), 'token', 'must be your project token, a non-empty string') ??
    refuse(Number.isFinite(timeoutMs) && (timeoutMs as number) > 0, 'timeoutMs', 'must be a positive number of milliseconds') ??
    refuse(ID_MERGES.includes(config.idMerge), 'idMerge', "must be 'simplified' or 'original'") ??
    OPTIONAL_TYPES.map(([field, type, reason]) => refuse(config[field] === undefined || typeof config[field] === type, field, reason)).find((r) => r !== undefined)
  if (refused !== undefined) return E.left(refused)
  const baseUrl = resolveBaseUrl(config)
  if (E.isLeft(baseUrl)) return baseUrl
  const credentials = readCredentials(config)
  if (E.isLeft(credentials)) return credentials
  const retry = resolveRetry(config.retry)
  if (E.isLeft(retry)) return retry
  return E.right({
    token: config.token.trim(),
    baseUrl: baseUrl.right,
    timeoutMs: timeoutMs as number,
    retry: retry.right,
    gzip: config.gzip ?? false,
    credentials: credentials.right,
    fetch: config.fetch,
    sleep: config.sleep,
    random: config.random ?? Math.random,
    idMerge: config.idMerge,
  })
}

const guarded = (config: Config, readCredentials: typeof resolveCredentials): E.Either<ConfigError, ResolvedConfig> => {
  try {
    return resolve(config, readCredentials)
  } catch {
    // Only the config itself can throw here (a getter or Proxy trap): bad input like any other.
    return E.left({ _tag: 'ConfigError', path: 'config', field: 'config', message: 'Invalid config: it could not be read (a property getter threw)' })
  }
}

/**
 * Checks a `Config` and fills in its defaults: region → host, timeout 10 s, 4 retries, no gzip.
 * Refuses plain `http://` unless the host is loopback or `allowInsecureHttp` is set.
 * Pure: the same config always gives the same result. Never throws.
 * @example
 * import { normalizeConfig } from '@mp/core'
 * normalizeConfig({ token: 'abc', region: 'eu' })
 * // Right({ token: 'abc', baseUrl: 'https://api-eu.mixpanel.com', timeoutMs: 10000, … })
 */
export const normalizeConfig = (config: Config): E.Either<ConfigError, ResolvedConfig> => guarded(config, resolveCredentials)

/**
 * @internal `normalizeConfig` for actions whose requests never carry credentials (`/track`,
 * `/engage`, `/groups` with the project token): `apiSecret` and `serviceAccount` are neither read
 * nor checked, and `credentials` is `undefined`, so such a bundle carries no credential code.
 * @example
 * normalizeTokenConfig({ token: 'abc', apiSecret: 'ignored here' }) // Right({ token: 'abc', credentials: undefined, … })
 */
export const normalizeTokenConfig = (config: Config): E.Either<ConfigError, ResolvedConfig> => guarded(config, () => E.right(undefined))
