// Secrets never leak: every action, with each credential kind, against a server that echoes the
// credentials it got back in every kind of failure answer. Nothing the library returns, throws,
// prints or logs may contain the API secret or the service-account secret, in any encoding.
import { inspect } from 'node:util'
import { either as E, type taskEither as TE } from 'fp-ts'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { MixpanelException, normalizeConfig, serviceAccount, type Config } from '@mp/core'
import { fetchFlags, send } from '@mp/send'
import { importData, importEvents, track } from '@mp/events'
import { alias, identify, merge } from '@mp/identity'
import {
  peopleAppend,
  peopleClearCharges,
  peopleDelete,
  peopleIncrement,
  peopleRemove,
  peopleSet,
  peopleSetOnce,
  peopleTrackCharge,
  peopleUnion,
  peopleUnset,
  peopleUpdate,
} from '@mp/people'
import { groupDelete, groupRemove, groupSet, groupSetOnce, groupUnion, groupUnset, groupUpdate } from '@mp/groups'
import { buildImportPayload, buildTrackPayload } from '@mp/events'
import { buildMergePayload } from '@mp/identity'
import { createQueue } from '@mp/queue'
import { Mixpanel } from '@mp/mixpanel'
import { startEchoServer, startTestServer, type TestServer } from '../../send/test/test-servers.ts'

// Characters that change under URL-encoding, JSON-escaping and base64, so every form differs.
const API_SECRET = 'api-SECRET-7f3a/+="&%q'
const SA_SECRET = 'sa-SECRET-91bc/+="&%z'
const SA_USER = 'svc-user.mp-service-account'

const forms = (secret: string): string[] => [
  secret,
  encodeURIComponent(secret),
  JSON.stringify(secret).slice(1, -1),
  Buffer.from(`${secret}:`).toString('base64'),
  Buffer.from(`${SA_USER}:${secret}`).toString('base64'),
  // Long enough to be unique, short enough to catch a truncated echo.
  secret.slice(0, 12),
]
const FORBIDDEN = [...forms(API_SECRET), ...forms(SA_SECRET)]

const leaks = (text: string): string[] => FORBIDDEN.filter((form) => text.includes(form))

/** Every way a person or a logger could turn a value into text. */
const renderings = (value: unknown): string[] => {
  const out = [inspect(value, { depth: null, showHidden: true, getters: true }), inspect(value, { depth: null })]
  try {
    out.push(JSON.stringify(value) ?? '')
  } catch {
    out.push('(not JSON)')
  }
  out.push(String(value))
  if (value instanceof Error) out.push(value.message, value.stack ?? '', inspect(value.cause, { depth: null, showHidden: true }))
  if (typeof value === 'object' && value !== null && 'left' in value) out.push(String((value as { left: { message?: unknown } }).left.message))
  return out
}

const expectNoLeak = (label: string, value: unknown): void => {
  for (const text of renderings(value)) expect(leaks(text), `${label}: ${text.slice(0, 300)}`).toStrictEqual([])
}

// Everything the library could log: console is captured for the whole suite.
const logged: string[] = []
const CONSOLE = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const

beforeEach(() => {
  for (const method of CONSOLE) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(args.map((a) => inspect(a, { depth: null })).join(' '))
    })
  }
})
afterEach(() => {
  vi.restoreAllMocks()
})

const TOKEN = 'secret-suite-token'
const NOW = Date.now()

type Run = (config: Config) => TE.TaskEither<unknown, unknown>

// One valid call of every action, each with the input it needs.
const ACTIONS: ReadonlyArray<readonly [string, Run]> = [
  ['track', (c) => track(c)({ distinctId: 'u1', event: 'e' })],
  ['importData', (c) => importData(c)({ distinctId: 'u1', event: 'e', timestamp: Math.floor(NOW / 1000) - 60 })],
  ['importEvents', (c) => importEvents(c)([{ event: 'e', properties: { distinct_id: 'u1', time: Math.floor(NOW / 1000) - 60 } }])],
  ['alias', (c) => alias(c)({ aliasId: 'u2', original: 'u1' })],
  ['merge', (c) => merge(c)({ distinctId1: 'u1', distinctId2: 'u2' })],
  ['identify', (c) => identify(c)({ identifiedId: 'u1', anonId: 'a1' })],
  ['peopleSet', (c) => peopleSet(c)({ distinctId: 'u1', properties: { a: 1 } })],
  ['peopleSetOnce', (c) => peopleSetOnce(c)({ distinctId: 'u1', properties: { a: 1 } })],
  ['peopleIncrement', (c) => peopleIncrement(c)({ distinctId: 'u1', properties: { a: 1 } })],
  ['peopleAppend', (c) => peopleAppend(c)({ distinctId: 'u1', properties: { a: 1 } })],
  ['peopleUnion', (c) => peopleUnion(c)({ distinctId: 'u1', properties: { a: [1] } })],
  ['peopleRemove', (c) => peopleRemove(c)({ distinctId: 'u1', properties: { a: 1 } })],
  ['peopleUnset', (c) => peopleUnset(c)({ distinctId: 'u1', properties: ['a'] })],
  ['peopleDelete', (c) => peopleDelete(c)({ distinctId: 'u1' })],
  ['peopleTrackCharge', (c) => peopleTrackCharge(c)({ distinctId: 'u1', amount: 1 })],
  ['peopleClearCharges', (c) => peopleClearCharges(c)({ distinctId: 'u1' })],
  ['peopleUpdate', (c) => peopleUpdate(c)({ message: { $distinct_id: 'u1', $set: { a: 1 } } })],
  ['groupSet', (c) => groupSet(c)({ groupKey: 'k', groupId: 'g', properties: { a: 1 } })],
  ['groupSetOnce', (c) => groupSetOnce(c)({ groupKey: 'k', groupId: 'g', properties: { a: 1 } })],
  ['groupUnion', (c) => groupUnion(c)({ groupKey: 'k', groupId: 'g', properties: { a: [1] } })],
  ['groupRemove', (c) => groupRemove(c)({ groupKey: 'k', groupId: 'g', properties: { a: 1 } })],
  ['groupUnset', (c) => groupUnset(c)({ groupKey: 'k', groupId: 'g', properties: ['a'] })],
  ['groupDelete', (c) => groupDelete(c)({ groupKey: 'k', groupId: 'g' })],
  ['groupUpdate', (c) => groupUpdate(c)({ message: { $group_key: 'k', $group_id: 'g', $set: { a: 1 } } })],
  ['fetchFlags /flags/definitions', (c) => fetchFlags(c)({ path: '/flags/definitions', query: {} })],
  ['fetchFlags /flags', (c) => fetchFlags(c)({ path: '/flags', query: { context: '{"distinct_id":"u1"}' } })],
  [
    'send (raw descriptor)',
    (c) => () => {
      const built = buildImportPayload({ token: TOKEN, distinctId: 'u1', event: 'e', timestamp: Math.floor(NOW / 1000) - 60 })
      return E.isLeft(built) ? Promise.resolve(built) : send(c)(built.right)()
    },
  ],
]

const CREDENTIALS: ReadonlyArray<readonly [string, Partial<Config>]> = [
  ['apiSecret', { apiSecret: API_SECRET }],
  ['serviceAccount', { serviceAccount: { username: SA_USER, secret: SA_SECRET, projectId: '12345' } }],
  ['serviceAccount()', { serviceAccount: E.getOrElseW(() => undefined)(serviceAccount(SA_USER, SA_SECRET, '12345')) as never }],
]

// Every failure kind a server can answer, each echoing the credentials back.
const STATUSES = [400, 401, 403, 404, 408, 413, 429, 500, 503, 200, 307] as const

const fastRetry = { retry: { limit: 1, baseDelayMs: 0, maxDelayMs: 0 }, sleep: () => Promise.resolve() }

describe('the API secret and service-account secret never leak', () => {
  let servers: TestServer[] = []
  beforeAll(async () => {
    servers = await Promise.all(STATUSES.map((status) => startEchoServer(() => status)))
  })
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()))
  })

  it('the echo servers really do put the credentials in their answers (the test can fail)', async () => {
    const server = servers[STATUSES.indexOf(401)]
    if (server === undefined) throw new Error('no server')
    const response = await fetch(`${server.url}/import`, { method: 'POST', headers: { authorization: `Basic ${Buffer.from(`${API_SECRET}:`).toString('base64')}` } })
    expect(leaks(await response.text()).length).toBeGreaterThan(0)
  })

  it.each(CREDENTIALS)('in no error, message, JSON or inspect output of any action (%s), for any failure answer', async (_kind, credentials) => {
    let checked = 0
    let authorised = 0
    for (const [index, status] of STATUSES.entries()) {
      const server = servers[index]
      if (server === undefined) continue
      const before = server.received.length
      const config: Config = { token: TOKEN, host: server.url, ...credentials, ...fastRetry }
      for (const [name, run] of ACTIONS) {
        const result = (await run(config)()) as E.Either<unknown, unknown>
        // A flag fetch that succeeds answers the server's own JSON, whatever it holds; only what
        // the library itself says (errors) is in scope there.
        if (!(name.startsWith('fetchFlags') && E.isRight(result))) expectNoLeak(`${name} → HTTP ${status}`, result)
        checked += 1
      }
      // The secret really travelled (Basic auth), so each echo had something to leak.
      authorised += server.received.slice(before).filter((r) => (r.headers['authorization'] ?? '').startsWith('Basic ')).length
    }
    expect(checked).toBe(STATUSES.length * ACTIONS.length)
    expect(authorised).toBeGreaterThan(STATUSES.length * 3)
    expect(logged.filter((line) => leaks(line).length > 0)).toStrictEqual([])
  })

  it.each(CREDENTIALS)('in no queue flush report, onError call or Promise rejection (%s)', async (_kind, credentials) => {
    for (const [index, status] of STATUSES.entries()) {
      const server = servers[index]
      if (server === undefined) continue
      const config: Config = { token: TOKEN, host: server.url, ...credentials, ...fastRetry }
      const errors: unknown[] = []
      const queue = createQueue(config, { onError: (error, context) => errors.push(error, context), flushIntervalMs: 1 })
      for (const built of [
        buildTrackPayload({ token: TOKEN, distinctId: 'u1', event: 'e' }),
        buildImportPayload({ token: TOKEN, distinctId: 'u1', event: 'e', timestamp: Math.floor(NOW / 1000) - 60 }),
        buildMergePayload({ token: TOKEN, distinctId1: 'u1', distinctId2: 'u2' }),
      ]) {
        if (E.isRight(built)) expectNoLeak('enqueue', queue.enqueue(built.right))
      }
      expectNoLeak(`flush → HTTP ${status}`, await queue.flush()())
      expectNoLeak(`close → HTTP ${status}`, await queue.close()())
      expectNoLeak(`onError → HTTP ${status}`, errors)
      expectNoLeak('queue', queue)

      const mp = Mixpanel(TOKEN, { host: server.url, ...credentials, ...fastRetry })
      for (const call of [() => mp.importData({ distinctId: 'u1', event: 'e', timestamp: Math.floor(NOW / 1000) - 60 }), () => mp.merge({ distinctId1: 'u1', distinctId2: 'u2' })]) {
        try {
          expectNoLeak('Mixpanel() resolution', await call())
        } catch (e) {
          expect(e).toBeInstanceOf(MixpanelException)
          expectNoLeak(`Mixpanel() rejection → HTTP ${status}`, e)
        }
      }
    }
    expect(logged.filter((line) => leaks(line).length > 0)).toStrictEqual([])
  })

  it.each(CREDENTIALS)('in no inspect, JSON or String of the resolved config, its credentials or a descriptor (%s)', (_kind, credentials) => {
    const resolved = normalizeConfig({ token: TOKEN, ...credentials })
    expect(E.isRight(resolved)).toBe(true)
    if (E.isLeft(resolved)) return
    expectNoLeak('resolved config', resolved)
    expectNoLeak('credentials', resolved.right.credentials)
    const secret = resolved.right.credentials?.secret
    expectNoLeak('Redacted secret', secret)
    expect(`${String(secret)}`).toBe('***')
    expectNoLeak('spread of the secret', { ...secret })
    expectNoLeak('own keys of the secret', Reflect.ownKeys(secret ?? {}).map(String))
    expectNoLeak('track descriptor', buildTrackPayload({ token: TOKEN, distinctId: 'u1', event: 'e' }))
    expectNoLeak('merge descriptor', buildMergePayload({ token: TOKEN, distinctId1: 'u1', distinctId2: 'u2' }))
  })

  it.each([
    ['a host URL with the secret as its password', { host: `https://user:${API_SECRET}@api.mixpanel.com` }],
    ['a malformed host URL with the secret as its password', { host: `https://user:${API_SECRET}@[not a host` }],
    ['a service account without project id', { apiSecret: undefined, serviceAccount: { username: SA_USER, secret: SA_SECRET, projectId: '' } }],
    ['a service account without username', { apiSecret: undefined, serviceAccount: { username: '', secret: SA_SECRET, projectId: '1' } }],
    ['the secret as the timeout', { timeoutMs: API_SECRET as never }],
  ] as const)('in no ConfigError: %s', (_label, fields) => {
    const resolved = normalizeConfig({ token: TOKEN, apiSecret: API_SECRET, ...(fields as Partial<Config>) } as Config)
    expect(resolved._tag).toBe('Left')
    expectNoLeak('normalizeConfig', resolved)
  })
})

describe('a redirect never carries Authorization to another origin', () => {
  it.each([301, 302, 303, 307, 308])('HTTP %i from the configured host is not followed', async (status) => {
    const elsewhere = await startTestServer(() => ({ status: 200, body: '{"code":200,"num_records_imported":1,"status":"OK"}' }))
    const origin = await startTestServer(() => ({ status, headers: { location: `${elsewhere.url}/import?strict=1` } }))
    try {
      for (const credentials of CREDENTIALS.map(([, c]) => c)) {
        const config: Config = { token: TOKEN, host: origin.url, ...credentials, ...fastRetry }
        const results = [
          await importData(config)({ distinctId: 'u1', event: 'e', timestamp: Math.floor(NOW / 1000) - 60 })(),
          await merge(config)({ distinctId1: 'u1', distinctId2: 'u2' })(),
          await fetchFlags(config)({ path: '/flags/definitions', query: {} })(),
        ]
        for (const result of results) {
          expect(E.isLeft(result) ? result.left._tag : 'Right').toBe('HttpError')
          expectNoLeak('redirect result', result)
        }
      }
      // The origin did get the credentials; the other server never saw a request at all.
      expect(origin.received.every((r) => (r.headers['authorization'] ?? '').startsWith('Basic '))).toBe(true)
      expect(origin.received.length).toBeGreaterThanOrEqual(6)
      expect(elsewhere.received).toStrictEqual([])
    } finally {
      await Promise.all([origin.stop(), elsewhere.stop()])
    }
  })
})
