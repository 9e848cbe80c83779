import { afterAll, beforeAll, beforeEach, describe, it, expect } from 'vitest'
import { either as E, function as F } from 'fp-ts'
import { emulatorPerFile } from '@mp/emulator'
import { alias } from '@mp/identity'
import { postRecords, trackedEvent } from './test-post.ts'


const emu = emulatorPerFile({ beforeAll, afterAll, beforeEach }, { port: 0, idMerge: 'original' })

const TOKEN = 'tok_identity'

describe('alias against the emulator', () => {
  it('links the anonymous history to the permanent id', async () => {
    const config = { token: TOKEN, host: emu.url }
    await postRecords(emu.url, '/track', [
      trackedEvent(TOKEN, 'anonymous_12345', 'Page View', { page: '/pricing' }),
      trackedEvent(TOKEN, 'anonymous_12345', 'Button Click', { button: 'signup' }),
    ])

    const result = await F.pipe({ aliasId: 'user_67890', original: 'anonymous_12345' }, alias(config))()
    expect(result).toStrictEqual(E.right({ endpoint: '/track', records: 1, attempts: 1 }))

    await postRecords(emu.url, '/track', [trackedEvent(TOKEN, 'user_67890', 'Purchase')])
    const history = emu.eventsFor('user_67890')
    expect(history.map((e) => [e.event, e.distinctId])).toEqual(
      expect.arrayContaining([
        ['Page View', 'anonymous_12345'],
        ['Button Click', 'anonymous_12345'],
        ['Purchase', 'user_67890'],
      ]),
    )
    expect(history.every((e) => e.canonicalId === emu.canonicalId('user_67890'))).toBe(true)
    expect(emu.identities().some((cluster) => cluster.includes('user_67890') && cluster.includes('anonymous_12345'))).toBe(true)
  })

  it('sends exactly the mixpanel-python record, to /track, without credentials', async () => {
    const config = { token: TOKEN, host: emu.url, apiSecret: 'never-sent-on-track' }
    await alias(config)({ aliasId: 'user_67890', original: 'anonymous_12345', meta: { ip: 0 } })()
    const [sent] = emu.requests()
    expect(sent?.path).toBe('/track')
    expect(sent?.records).toStrictEqual([
      { event: '$create_alias', properties: { distinct_id: 'anonymous_12345', alias: 'user_67890', token: TOKEN }, ip: 0 },
    ])
    expect(sent?.headers['authorization']).toBeUndefined()
    expect(emu.requests()).toHaveLength(1)
  })

  it('sends nothing for invalid input and answers the ValidationError', async () => {
    const result = await alias({ token: TOKEN, host: emu.url })({ aliasId: 'anon', original: 'anonymous_12345' })()
    expect(E.isLeft(result) && result.left._tag).toBe('ValidationError')
    expect(E.isLeft(result) && result.left.message).toMatch(/placeholder/)
    expect(emu.requests()).toHaveLength(0)
  })

  it('never throws for input that is not an object, and sends nothing', async () => {
    const send = alias({ token: TOKEN, host: emu.url }) as (input: unknown) => ReturnType<ReturnType<typeof alias>>
    for (const input of [null, undefined, 'user_67890', 42]) {
      const result = await send(input)()
      expect(E.isLeft(result) && result.left._tag).toBe('ValidationError')
    }
    expect(emu.requests()).toHaveLength(0)
  })

  it('answers a ConfigError for a bad config and sends nothing', async () => {
    const result = await alias({ token: '', host: emu.url })({ aliasId: 'user_67890', original: 'anonymous_12345' })()
    expect(E.isLeft(result) && result.left._tag).toBe('ConfigError')
    expect(emu.requests()).toHaveLength(0)
  })

  it('is lazy: nothing is sent until the task runs', async () => {
    const task = alias({ token: TOKEN, host: emu.url })({ aliasId: 'user_67890', original: 'anonymous_12345' })
    expect(emu.requests()).toHaveLength(0)
    await task()
    expect(emu.requests()).toHaveLength(1)
  })
})

describe('alias honours the configured region (mixpanel-python always posts aliases to the US host)', () => {
  const recordingFetch = (urls: string[]): typeof fetch =>
    (async (input: string | URL | Request) => {
      urls.push(input instanceof Request ? input.url : String(input))
      return new Response('{"error":null,"status":1}', { status: 200, headers: { 'content-type': 'application/json' } })
    }) as typeof fetch

  it.each([
    ['eu', 'https://api-eu.mixpanel.com/track'],
    ['in', 'https://api-in.mixpanel.com/track'],
    ['us', 'https://api.mixpanel.com/track'],
  ] as const)('region %s posts to %s', async (region, origin) => {
    const urls: string[] = []
    const result = await alias({ token: TOKEN, region, fetch: recordingFetch(urls) })({ aliasId: 'user_67890', original: 'anonymous_12345' })()
    expect(E.isRight(result)).toBe(true)
    expect(urls).toHaveLength(1)
    expect(urls[0]?.startsWith(origin)).toBe(true)
  })

  it('an explicit host wins over the region', async () => {
    const urls: string[] = []
    await alias({ token: TOKEN, region: 'us', host: 'api-eu.mixpanel.com', fetch: recordingFetch(urls) })({ aliasId: 'user_67890', original: 'anonymous_12345' })()
    expect(urls[0]?.startsWith('https://api-eu.mixpanel.com/track')).toBe(true)
  })
})
