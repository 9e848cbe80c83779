import { either as E } from 'fp-ts'
import { afterEach, describe, expect, it } from 'vitest'
import type { Config, FlagsRequest, MixpanelError } from '@mp/core'
import { fetchFlags } from './fetchFlags.ts'
import { account, API_SECRET, decodeBasic, expectNoSecrets, PROJECT_ID, recordingSleep, SA_SECRET, SA_USER, TOKEN } from './test-fixtures.ts'
import { startTestServer, type Received, type Reply, type TestServer } from './test-server.ts'

let server: TestServer | undefined
afterEach(async () => {
  await server?.stop()
  server = undefined
})

const serve = async (handler: (r: Received, i: number) => Reply) => (server = await startTestServer(handler))
const base = (url: string, more: Partial<Config> = {}) => {
  const rec = recordingSleep()
  return { config: { token: TOKEN, host: url, sleep: rec.sleep, retry: { limit: 2, baseDelayMs: 1, maxDelayMs: 4 }, ...more }, sleeps: rec.sleeps }
}
const remote: FlagsRequest = { path: '/flags', query: { context: '{"distinct_id":"u1"}', flag_key: 'beta' } }
const leftOf = (r: E.Either<MixpanelError, unknown>): MixpanelError => {
  if (E.isRight(r)) throw new Error('expected Left')
  expectNoSecrets(r.left)
  expect(JSON.stringify(r.left)).not.toContain(TOKEN)
  expect(r.left.message).not.toContain(TOKEN)
  return r.left
}

describe('fetchFlags', () => {
  it('GETs the path with the query, token and token Basic auth, and answers the parsed JSON', async () => {
    const s = await serve(() => ({ status: 200, body: '{"code":200,"flags":{"beta":{"variant_key":"on"}}}' }))
    expect(await fetchFlags(base(s.url).config)(remote)()).toStrictEqual(E.right({ code: 200, flags: { beta: { variant_key: 'on' } } }))
    const got = s.received[0]
    expect(got?.method).toBe('GET')
    expect(got?.path).toBe('/flags')
    expect(Object.fromEntries(got?.query ?? [])).toStrictEqual({ context: '{"distinct_id":"u1"}', flag_key: 'beta', token: TOKEN })
    expect(decodeBasic(got?.headers.authorization)).toStrictEqual([TOKEN, ''])
  })
  it('uses the service account and project_id when configured', async () => {
    const s = await serve(() => ({ status: 200, body: '{"flags":[]}' }))
    expect(await fetchFlags(base(s.url, { serviceAccount: account() }).config)({ path: '/flags/definitions', query: {} })()).toStrictEqual(E.right({ flags: [] }))
    expect(decodeBasic(s.received[0]?.headers.authorization)).toStrictEqual([SA_USER, SA_SECRET])
    expect(Object.fromEntries(s.received[0]?.query ?? [])).toStrictEqual({ token: TOKEN, project_id: PROJECT_ID })
  })
  it('retries 5xx and 429 with the same policy as send', async () => {
    const s = await serve((_, i) => (i === 0 ? { status: 503 } : i === 1 ? { status: 429, headers: { 'Retry-After': '1' } } : { status: 200, body: '{}' }))
    const { config, sleeps } = base(s.url)
    expect(await fetchFlags(config)(remote)()).toStrictEqual(E.right({}))
    expect(s.received).toHaveLength(3)
    expect(sleeps[1]).toBe(1000)
  })
  it('answers tagged errors, never with the token or a secret in them', async () => {
    const echo = (r: Received) => `bad ${r.headers.authorization} for ${TOKEN} ${SA_SECRET}`
    const cases: Array<[Reply | ((r: Received) => Reply), string]> = [
      [(r) => ({ status: 400, body: echo(r) }), 'HttpError'],
      [(r) => ({ status: 401, body: echo(r) }), 'HttpError'],
      [(r) => ({ status: 200, body: echo(r) }), 'DecodeError'],
      [(r) => ({ status: 500, body: echo(r) }), 'HttpError'],
      [{ status: 429 }, 'RateLimited'],
      [{ kind: 'hang' }, 'TimeoutError'],
    ]
    for (const [reply, tag] of cases) {
      const s = await serve((r) => (typeof reply === 'function' ? reply(r) : reply))
      const result = await fetchFlags(base(s.url, { serviceAccount: account(), timeoutMs: 60 }).config)(remote)()
      expect(leftOf(result)._tag).toBe(tag)
      await s.stop()
      server = undefined
    }
  })
  it('refuses a bad config or request without sending', async () => {
    const s = await serve(() => ({ status: 200, body: '{}' }))
    expect(leftOf(await fetchFlags({ token: '' })(remote)())._tag).toBe('ConfigError')
    expect(leftOf(await fetchFlags(base(s.url).config)({ path: '/track' } as unknown as FlagsRequest)())._tag).toBe('ValidationError')
    expect(leftOf(await fetchFlags(base(s.url, { apiSecret: API_SECRET }).config)(null as unknown as FlagsRequest)())._tag).toBe('ValidationError')
    expect(s.received).toHaveLength(0)
  })
})

describe('fetchFlags: the URL', () => {
  const urlOf = async (more: Partial<Config>, request: FlagsRequest) => {
    const s = await serve(() => ({ status: 200, body: '{}' }))
    await fetchFlags(base(s.url, more).config)(request)()
    const got = s.received[0]
    await s.stop()
    server = undefined
    return { path: got?.path, query: got?.query ?? new URLSearchParams(), raw: got?.query.toString() ?? '' }
  }
  it('adds token after the caller’s query, and project_id only with a service account', async () => {
    const plain = await urlOf({}, { path: '/flags', query: { context: '{"distinct_id":"u 1"}', flag_key: 'k', project_id: '9' } })
    expect(plain.path).toBe('/flags')
    expect([...plain.query.keys()]).toStrictEqual(['context', 'flag_key', 'token'])
    expect(plain.query.get('context')).toBe('{"distinct_id":"u 1"}')
    const sa = await urlOf({ serviceAccount: account() }, { path: '/flags/definitions', query: { token: 'other', project_id: '9' } })
    expect(sa.query.getAll('token')).toStrictEqual([TOKEN])
    expect(sa.query.getAll('project_id')).toStrictEqual([PROJECT_ID])
    expect(sa.raw).not.toContain(SA_SECRET)
    const secret = await urlOf({ apiSecret: API_SECRET }, { path: '/flags', query: { project_id: '9' } })
    expect(secret.raw).toBe(`token=${TOKEN}`)
  })
})

describe('fetchFlags: the request check', () => {
  const pathOf = async (request: unknown) => {
    const result = await fetchFlags({ token: TOKEN, host: 'http://127.0.0.1:1' })(request as FlagsRequest)()
    return E.isLeft(result) && result.left._tag === 'ValidationError' ? result.left.path : result
  }
  it('refuses other paths, non-string values and hostile objects, naming what is wrong', async () => {
    expect(await pathOf({ path: '/track', query: {} })).toBe('request.path')
    expect(await pathOf({ path: '/flags', query: { n: 1 } })).toBe('request.query.n')
    expect(await pathOf({ path: '/flags', query: [] })).toBe('request.query')
    expect(await pathOf(undefined)).toBe('request')
    expect(await pathOf(new Proxy({}, { get: () => { throw new Error('x') } }))).toBe('request')
  })
  it('takes a missing query as an empty one', async () => {
    const s = await serve(() => ({ status: 200, body: '{"flags":[]}' }))
    expect(await fetchFlags(base(s.url).config)({ path: '/flags/definitions' } as FlagsRequest)()).toStrictEqual(E.right({ flags: [] }))
  })
})

describe('fetchFlags: the answer', () => {
  it('answers a 2xx that is not JSON as a DecodeError, and a redirect as an HttpError, without the token', async () => {
    const s = await serve((_, i) => (i === 0 ? { status: 200, body: `<html>${TOKEN}` } : { status: 302, headers: { Location: '/elsewhere' } }))
    expect(leftOf(await fetchFlags(base(s.url).config)(remote)())).toMatchObject({ _tag: 'DecodeError', status: 200, body: '<html>***' })
    expect(leftOf(await fetchFlags(base(s.url).config)(remote)())).toMatchObject({ _tag: 'HttpError', status: 302, body: 'redirect not followed', attempts: 1 })
  })
})
