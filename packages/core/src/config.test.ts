import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { normalizeConfig, normalizeTokenConfig, type Config } from './config.ts'
import { reveal } from './redacted.ts'
import { serviceAccount } from './serviceAccount.ts'

const right = (config: Config) => {
  const r = normalizeConfig(config)
  if (E.isLeft(r)) throw new Error(r.left.message)
  return r.right
}
const left = (config: unknown) => {
  const r = normalizeConfig(config as Config)
  if (E.isRight(r)) throw new Error('expected a ConfigError')
  return r.left
}

describe('normalizeConfig', () => {
  it('fills in the defaults', () => {
    const c = right({ token: 'tok' })
    expect(c).toMatchObject({
      token: 'tok',
      baseUrl: 'https://api.mixpanel.com',
      timeoutMs: 10_000,
      retry: { limit: 4, baseDelayMs: 500, maxDelayMs: 30_000 },
      gzip: false,
      credentials: undefined,
    })
  })

  it.each([
    ['us', 'https://api.mixpanel.com'],
    ['eu', 'https://api-eu.mixpanel.com'],
    ['in', 'https://api-in.mixpanel.com'],
  ] as const)('maps region %s to its host', (region, baseUrl) => {
    expect(right({ token: 't', region }).baseUrl).toBe(baseUrl)
  })

  it('refuses an unknown region', () => {
    expect(left({ token: 't', region: 'mars' })).toMatchObject({ _tag: 'ConfigError', field: 'region' })
  })

  it('lets host override region, as a host name or an origin with a path prefix', () => {
    expect(right({ token: 't', region: 'eu', host: 'proxy.example.com' }).baseUrl).toBe('https://proxy.example.com')
    expect(right({ token: 't', host: 'https://proxy.example.com/mixpanel/' }).baseUrl).toBe('https://proxy.example.com/mixpanel')
    expect(right({ token: 't', host: 'http://127.0.0.1:4000' }).baseUrl).toBe('http://127.0.0.1:4000')
    expect(right({ token: 't', host: 'http://localhost:4000' }).baseUrl).toBe('http://localhost:4000')
    expect(right({ token: 't', host: 'http://[::1]:4000' }).baseUrl).toBe('http://[::1]:4000')
  })

  it('refuses plain http to a host that is not loopback unless opted in', () => {
    const e = left({ token: 't', host: 'http://collector.example.com' })
    expect(e).toMatchObject({ _tag: 'ConfigError', field: 'host' })
    expect(e.message).toMatch(/unencrypted/)
    expect(right({ token: 't', host: 'http://collector.example.com', allowInsecureHttp: true }).baseUrl).toBe(
      'http://collector.example.com',
    )
  })

  it('refuses hosts carrying credentials, queries or odd schemes', () => {
    expect(left({ token: 't', host: 'https://u:p@api.mixpanel.com' }).field).toBe('host')
    expect(left({ token: 't', host: 'https://api.mixpanel.com/?a=1' }).field).toBe('host')
    expect(left({ token: 't', host: 'ftp://api.mixpanel.com' }).field).toBe('host')
    expect(left({ token: 't', host: '' }).field).toBe('host')
  })

  it.each([undefined, null, 42, 'str'])('refuses a config that is %s', (config) => {
    expect(left(config)._tag).toBe('ConfigError')
  })

  it.each([undefined, '', '   ', 7])('refuses token %s', (token) => {
    expect(left({ token })).toMatchObject({ _tag: 'ConfigError', field: 'token' })
  })

  it('checks timeout and retry values', () => {
    expect(left({ token: 't', timeoutMs: 0 }).field).toBe('timeoutMs')
    expect(left({ token: 't', timeoutMs: Number.NaN }).field).toBe('timeoutMs')
    expect(left({ token: 't', retry: { limit: -1 } }).field).toBe('retry.limit')
    expect(left({ token: 't', retry: { baseDelayMs: 1.5 } }).field).toBe('retry.baseDelayMs')
    expect(left({ token: 't', retry: { baseDelayMs: 100, maxDelayMs: 10 } }).field).toBe('retry.maxDelayMs')
    expect(right({ token: 't', retry: { limit: 0 } }).retry).toEqual({ limit: 0, baseDelayMs: 500, maxDelayMs: 30_000 })
  })

  it('keeps idMerge as given and refuses any value but the two systems', () => {
    expect(right({ token: 't' }).idMerge).toBeUndefined()
    expect(right({ token: 't', idMerge: 'simplified' }).idMerge).toBe('simplified')
    expect(right({ token: 't', idMerge: 'original' }).idMerge).toBe('original')
    for (const idMerge of ['Simplified', 'legacy', '', null, true]) {
      const e = left({ token: 't', idMerge })
      expect(e).toMatchObject({ _tag: 'ConfigError', path: 'idMerge', field: 'idMerge' })
      expect(e.message).toBe("Invalid config.idMerge: must be 'simplified' or 'original'")
    }
  })

  it('wraps the API secret so it never prints', () => {
    const c = right({ token: 't', apiSecret: 'TOP-SECRET' })
    expect(c.credentials?.kind).toBe('apiSecret')
    expect(JSON.stringify(c)).not.toContain('TOP-SECRET')
    expect(String(c.credentials?.secret)).toBe('***')
    if (c.credentials === undefined) throw new Error('credentials expected')
    expect(reveal(c.credentials.secret)).toBe('TOP-SECRET')
  })

  it('prefers a service account over an API secret, and accepts a plain object literal', () => {
    const c = right({ token: 't', apiSecret: 'x', serviceAccount: { username: ' bot ', secret: 'SA-SECRET', projectId: '42' } })
    expect(c.credentials).toMatchObject({ kind: 'serviceAccount', username: 'bot', projectId: '42' })
    expect(JSON.stringify(c)).not.toContain('SA-SECRET')
  })

  it('accepts the result of serviceAccount()', () => {
    const sa = serviceAccount('bot', 'SA-SECRET', '42')
    if (E.isLeft(sa)) throw new Error('unexpected')
    const c = right({ token: 't', serviceAccount: sa.right })
    if (c.credentials?.kind !== 'serviceAccount') throw new Error('service account expected')
    expect(reveal(c.credentials.secret)).toBe('SA-SECRET')
  })

  it('refuses bad credentials with the field named', () => {
    expect(left({ token: 't', apiSecret: '' }).field).toBe('apiSecret')
    expect(left({ token: 't', serviceAccount: { username: 'u', secret: ' ', projectId: '1' } }).field).toBe('serviceAccount.secret')
  })

  it('turns a config whose getter throws into a ConfigError instead of throwing', () => {
    const hostile = { get token(): string { throw new Error('boom') } } as Config
    expect(left(hostile)).toMatchObject({ _tag: 'ConfigError', field: 'config', message: expect.stringMatching(/could not be read/) })
  })
})

describe('normalizeTokenConfig', () => {
  it('makes every check but the credentials, which it neither reads nor keeps', () => {
    let read = 0
    const config = { token: 't', apiSecret: 42, get serviceAccount() { return (read += 1), 'x' } } as unknown as Config
    const r = normalizeTokenConfig(config)
    expect(E.isRight(r) && r.right).toMatchObject({ token: 't', baseUrl: 'https://api.mixpanel.com', credentials: undefined })
    expect(read).toBe(0)
    expect(E.isLeft(normalizeConfig(config))).toBe(true)
    const bad = normalizeTokenConfig({ token: 't', host: 'http://collector.example.com', apiSecret: 'S' })
    expect(E.isLeft(bad) && bad.left).toMatchObject({ _tag: 'ConfigError', field: 'host' })
    expect(E.isLeft(normalizeTokenConfig({ get token(): string { throw new Error('boom') } } as Config))).toBe(true)
  })
})
