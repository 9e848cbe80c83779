// The provider's life in the SDK: initialize (READY, ERROR, FATAL), status events while polling,
// onClose, and secrets kept out of every message the SDK or the caller gets.
import { describe, expect, it, vi } from 'vitest'
import { either as E } from 'fp-ts'
import { serviceAccount, type MixpanelError } from '@mp/core'
import { createLocalFlags } from '@mp/flags'
import { ErrorCode, OpenFeature, ProviderEvents, type EventDetails } from '@openfeature/server-sdk'
import { MixpanelProvider } from './MixpanelProvider.ts'
import { deferred, flag, flagRequests, TOKEN, useFlagsEmulator } from './test-openfeature.ts'
import type { ProviderOperation } from './types.ts'

const emu = useFlagsEmulator()
const USER = { targetingKey: 'user-1' }
const SECRET = 'sa-S3CR3T-never-print'
const account = serviceAccount('robot.mp-service-account', SECRET, '12345')
if (E.isLeft(account)) throw new Error(account.left.message)

const definitionFetches = (): number => flagRequests(emu, '/flags/definitions').length

/** Collects what the provider tells its caller (onError) and what the SDK announces (events). */
const listen = () => {
  const errors: Array<[MixpanelError, ProviderOperation]> = []
  const events: Array<[string, EventDetails | undefined]> = []
  for (const kind of [ProviderEvents.Ready, ProviderEvents.Error, ProviderEvents.Stale]) {
    OpenFeature.addHandler(kind, (details) => events.push([kind, details]))
  }
  return { errors, events, onError: (error: MixpanelError, operation: ProviderOperation) => errors.push([error, operation]) }
}

/** Resolves with the details of the next `kind` event the SDK announces. */
const nextEvent = (kind: ProviderEvents): Promise<EventDetails | undefined> => {
  const seen = deferred<EventDetails | undefined>()
  const handler = (details?: EventDetails): void => {
    OpenFeature.removeHandler(kind, handler)
    seen.resolve(details)
  }
  OpenFeature.addHandler(kind, handler)
  return seen.promise
}

describe('initialize', () => {
  it('(JS) a local provider fetches the definitions once in initialize and is READY', async () => {
    emu.setFlagDefinitions([flag('f', true)])
    await OpenFeature.setProviderAndWait(MixpanelProvider.fromLocal({ token: TOKEN, host: emu.url }, { enablePolling: false }))
    expect(OpenFeature.getClient().providerStatus).toBe('READY')
    expect(definitionFetches()).toBe(1)
  })

  it('(JS) a failed first fetch puts the provider in ERROR with a readable message, and the secret is nowhere', async () => {
    emu.setFlagDefinitions([flag('f', true)])
    emu.faults.next(1, { kind: 'status', status: 401, body: `{"error":"bad credentials robot.mp-service-account:${SECRET}"}` }, { path: '/flags/definitions' })
    const { errors, events, onError } = listen()
    const provider = MixpanelProvider.fromLocal({ token: TOKEN, host: emu.url, serviceAccount: account.right }, { enablePolling: false, onError })
    const rejection = await OpenFeature.setProviderAndWait(provider).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(rejection).toBeInstanceOf(Error)
    const message = (rejection as Error).message
    expect(message).toMatch(/^Mixpanel flag definitions could not be loaded: Mixpanel answered HTTP 401 for \/flags\/definitions/)
    expect(message).toContain('robot.mp-service-account:***')
    expect(OpenFeature.getClient().providerStatus).toBe('ERROR')
    expect(events.map(([kind]) => kind)).toEqual([ProviderEvents.Error])
    expect(events[0]?.[1]?.message).toBe(message)
    expect(errors.map(([e, op]) => [e._tag, op])).toEqual([['HttpError', 'refresh']])
    expect(JSON.stringify({ message, events, errors })).not.toContain(SECRET)
  })

  it('(JS) a config that can never work is FATAL: the SDK answers PROVIDER_FATAL, and nothing polls', async () => {
    const local = MixpanelProvider.fromLocal({ token: '', host: emu.url }, { pollingIntervalMs: 5 })
    await expect(OpenFeature.setProviderAndWait(local)).rejects.toThrow(/token/)
    const client = OpenFeature.getClient()
    expect(client.providerStatus).toBe('FATAL')
    expect(await client.getBooleanDetails('f', true, USER)).toMatchObject({ value: true, errorCode: ErrorCode.PROVIDER_FATAL })
    const remote = MixpanelProvider.fromRemote({ token: TOKEN, host: 'http://flags.example.com' })
    await expect(OpenFeature.setProviderAndWait(remote)).rejects.toThrow(/plain http/)
    expect(client.providerStatus).toBe('FATAL')
    expect(emu.requests()).toEqual([])
  })

  it('(JS) a wrapped local flags object is started by initialize unless it has definitions already', async () => {
    emu.setFlagDefinitions([flag('f', true)])
    const fresh = createLocalFlags({ token: TOKEN, host: emu.url }, { enablePolling: false })
    await OpenFeature.setProviderAndWait(new MixpanelProvider(fresh))
    expect(definitionFetches()).toBe(1)
    const loaded = createLocalFlags({ token: TOKEN, host: emu.url }, { enablePolling: false })
    await loaded.start()()
    await OpenFeature.setProviderAndWait(new MixpanelProvider(loaded))
    expect(definitionFetches()).toBe(2)
    expect(await OpenFeature.getClient().getBooleanValue('f', false, USER)).toBe(true)
  })

  it('(JS) a wrapped source whose start throws leaves the provider in ERROR with that message', async () => {
    const broken = { ready: () => false, start: (): never => { throw new Error('cannot start') }, getVariant: () => ({ variantKey: 'on', variantValue: true, source: 'local' as const }) }
    await expect(OpenFeature.setProviderAndWait(new MixpanelProvider(broken))).rejects.toThrow('The Mixpanel flags source failed to start: cannot start')
    expect(OpenFeature.getClient().providerStatus).toBe('ERROR')
  })
})

describe('status events while polling', () => {
  it('(JS) after a failed start, the first good poll emits PROVIDER_READY and evaluations work', async () => {
    emu.setFlagDefinitions([flag('f', true)])
    emu.faults.next(1, { kind: 'status', status: 503 }, { path: '/flags/definitions' })
    const provider = MixpanelProvider.fromLocal({ token: TOKEN, host: emu.url }, { pollingIntervalMs: 10 })
    const ready = nextEvent(ProviderEvents.Ready)
    await expect(OpenFeature.setProviderAndWait(provider)).rejects.toThrow(/HTTP 503/)
    const client = OpenFeature.getClient()
    expect(await client.getBooleanDetails('f', false, USER)).toMatchObject({ errorCode: ErrorCode.PROVIDER_NOT_READY })
    expect((await ready)?.message).toBe('Mixpanel flag definitions loaded')
    expect(client.providerStatus).toBe('READY')
    expect(await client.getBooleanDetails('f', false, USER)).toMatchObject({ value: true, reason: 'TARGETING_MATCH' })
  })

  it('(JS) a wrapped source that loads after a failed start is announced READY at the next evaluation', async () => {
    emu.setFlagDefinitions([flag('f', true)])
    emu.faults.next(1, { kind: 'status', status: 503 }, { path: '/flags/definitions' })
    const flags = createLocalFlags({ token: TOKEN, host: emu.url }, { enablePolling: false })
    await expect(OpenFeature.setProviderAndWait(new MixpanelProvider(flags))).rejects.toThrow(/HTTP 503/)
    await flags.refresh()()
    const ready = nextEvent(ProviderEvents.Ready)
    const client = OpenFeature.getClient()
    expect(await client.getBooleanValue('f', false, USER)).toBe(true)
    await ready
    expect(client.providerStatus).toBe('READY')
  })

  it('(JS) a failed refresh emits PROVIDER_STALE (the last definitions keep serving), the next good one PROVIDER_READY', async () => {
    emu.setFlagDefinitions([flag('f', true)])
    const { errors, onError } = listen()
    const config = { token: TOKEN, host: emu.url, serviceAccount: account.right }
    await OpenFeature.setProviderAndWait(MixpanelProvider.fromLocal(config, { pollingIntervalMs: 10, onError }))
    const client = OpenFeature.getClient()
    const stale = nextEvent(ProviderEvents.Stale)
    emu.faults.next(1, { kind: 'status', status: 500, body: `secret ${SECRET}` }, { path: '/flags/definitions' })
    const staleDetails = await stale
    expect(staleDetails?.message).toMatch(/^Mixpanel flag definitions could not be refreshed; the last ones keep serving: Mixpanel answered HTTP 500/)
    expect(staleDetails?.message).not.toContain(SECRET)
    expect(client.providerStatus).toBe('STALE')
    expect(await client.getBooleanDetails('f', false, USER)).toMatchObject({ value: true, reason: 'TARGETING_MATCH' })
    const ready = nextEvent(ProviderEvents.Ready)
    await ready
    expect(client.providerStatus).toBe('READY')
    expect(errors.map(([e, op]) => [e._tag, op])).toContainEqual(['HttpError', 'refresh'])
    expect(JSON.stringify(errors)).not.toContain(SECRET)
  })
})

describe('shutdown', () => {
  it('test_shutdown_is_noop: onClose resolves, and stops polling (mixpanel-python forwards shutdown to the flags)', async () => {
    emu.setFlagDefinitions([flag('f', true)])
    await OpenFeature.setProviderAndWait(MixpanelProvider.fromLocal({ token: TOKEN, host: emu.url }, { pollingIntervalMs: 5 }))
    await vi.waitFor(() => expect(definitionFetches()).toBeGreaterThanOrEqual(3), { timeout: 10_000, interval: 5 })
    await expect(OpenFeature.close()).resolves.toBeUndefined()
    const afterClose = definitionFetches()
    // Twenty polling intervals: a loop still running would have fetched again.
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(definitionFetches()).toBe(afterClose)
  })

  it('(JS) onClose stops a wrapped flags object too, and never rejects even if the source throws', async () => {
    emu.setFlagDefinitions([flag('f', true)])
    const flags = createLocalFlags({ token: TOKEN, host: emu.url }, { enablePolling: false })
    const stop = vi.fn(flags.stop)
    await OpenFeature.setProviderAndWait(new MixpanelProvider({ ...flags, stop }))
    await OpenFeature.clearProviders()
    expect(stop).toHaveBeenCalledOnce()
    const throwing = new MixpanelProvider({ getVariant: () => ({ variantKey: null, variantValue: 1, source: 'remote' }), stop: () => { throw new Error('no') } })
    await expect(throwing.onClose()).resolves.toBeUndefined()
  })
})

describe('secrets (remote, service account)', () => {
  it('(JS) the service-account secret is in no errorMessage, onError report or event, whatever echoes it', async () => {
    emu.setFlagDefinitions([flag('f', true)])
    const { errors, events, onError } = listen()
    const config = { token: TOKEN, host: emu.url, serviceAccount: account.right, retry: { limit: 0 } }
    await OpenFeature.setProviderAndWait(MixpanelProvider.fromRemote(config, { onError }))
    const client = OpenFeature.getClient()
    // The server echoes it in a body.
    emu.faults.next(1, { kind: 'status', status: 500, body: `upstream said ${SECRET} / ${encodeURIComponent(SECRET)}` }, { path: '/flags' })
    const fromBody = await client.getBooleanDetails('f', false, USER)
    expect(fromBody).toMatchObject({ value: false, errorCode: ErrorCode.GENERAL, errorMessage: 'HTTP 500: upstream said *** / ***' })
    // The transport puts it in an error.
    const echoing: typeof fetch = async () => {
      throw new Error(`connect failed for https://robot:${SECRET}@api.mixpanel.com/flags`)
    }
    await OpenFeature.setProviderAndWait(MixpanelProvider.fromRemote({ ...config, fetch: echoing }, { onError }))
    const fromTransport = await OpenFeature.getClient().getBooleanDetails('f', false, USER)
    expect(fromTransport.errorCode).toBe(ErrorCode.GENERAL)
    expect(fromTransport.errorMessage).toContain('connect failed for https://robot:***@')
    // The caller's own tracker throws it, for an exposure and for a tracked event.
    const leaky = (): never => {
      throw new Error(`tracker saw ${SECRET}`)
    }
    await OpenFeature.setProviderAndWait(MixpanelProvider.fromRemote(config, { onError, track: leaky }))
    expect(await OpenFeature.getClient().getBooleanValue('f', false, USER)).toBe(true)
    OpenFeature.getClient().track('checkout', USER, { plan: 'pro' })
    await OpenFeature.close()
    expect(errors.map(([e, op]) => `${op} ${e._tag} ${e.message}`).sort()).toEqual([
      'exposure ConfigError Invalid config.track: the exposure tracker failed: tracker saw ***',
      'track ConfigError Invalid config.track: the event tracker failed: tracker saw ***',
    ])
    expect(JSON.stringify({ fromBody, fromTransport, errors, events })).not.toContain(SECRET)
  })
})
