import { afterAll, beforeAll, beforeEach, describe, it, expect } from 'vitest'
import { either as E, function as F } from 'fp-ts'
import { serviceAccount } from '@mp/core'
import { emulatorPerFile } from '@mp/emulator'
import { merge } from '@mp/identity'
import { postRecords, profileSet, trackedEvent } from './test-post.ts'


const TOKEN = 'tok_identity'
const API_SECRET = 'api-secret-0f9e8d'
const SA = { username: 'robot.mp-service-account', secret: 'sa-secret-7a6b5c', projectId: '4242' }

const emu = emulatorPerFile({ beforeAll, afterAll, beforeEach }, { port: 0, idMerge: 'original', credentials: { apiSecret: API_SECRET, serviceAccount: SA } })

const twoProfiles = async (): Promise<void> => {
  await postRecords(emu.url, '/engage', [
    profileSet(TOKEN, 'user_67890', { $name: 'Ada Lovelace', plan: 'pro' }),
    profileSet(TOKEN, 'ada@example.com', { $email: 'ada@example.com', newsletter: true }),
  ])
  await postRecords(emu.url, '/track', [trackedEvent(TOKEN, 'ada@example.com', 'Newsletter Open')])
}

const ids = { distinctId1: 'user_67890', distinctId2: 'ada@example.com' }

describe('merge against the emulator', () => {
  it('joins two profiles: the merged profile holds both profiles\' properties', async () => {
    await twoProfiles()
    const result = await F.pipe(ids, merge({ token: TOKEN, host: emu.url, apiSecret: API_SECRET }))()
    expect(result).toMatchObject(E.right({ endpoint: '/import', records: 1, attempts: 1 }))

    expect(emu.identities().some((cluster) => cluster.includes('user_67890') && cluster.includes('ada@example.com'))).toBe(true)
    const merged = { $name: 'Ada Lovelace', plan: 'pro', $email: 'ada@example.com', newsletter: true }
    expect(emu.profile('user_67890')).toMatchObject(merged)
    expect(emu.profile('ada@example.com')).toMatchObject(merged)
    expect(emu.eventsFor('user_67890').map((e) => e.event)).toContain('Newsletter Open')
  })

  it('sends the mixpanel-python record to /import with strict=1 and the API secret as Basic auth', async () => {
    await merge({ token: TOKEN, host: emu.url, apiSecret: API_SECRET })(ids)()
    const [sent] = emu.requests()
    expect(sent?.path).toBe('/import')
    expect(sent?.query['strict']).toBe('1')
    expect(sent?.records).toStrictEqual([{ event: '$merge', properties: { $distinct_ids: ['user_67890', 'ada@example.com'], token: TOKEN } }])
    expect(sent?.headers['authorization']).toBe(`Basic ${Buffer.from(`${API_SECRET}:`).toString('base64')}`)
  })

  it('works with a service account (Basic auth plus project_id)', async () => {
    const account = serviceAccount(SA.username, SA.secret, SA.projectId)
    if (E.isLeft(account)) throw new Error(account.left.message)
    await twoProfiles()
    const result = await merge({ token: TOKEN, host: emu.url, serviceAccount: account.right })(ids)()
    expect(result).toMatchObject(E.right({ endpoint: '/import' }))
    expect(emu.requests().at(-1)?.query['project_id']).toBe(SA.projectId)
    expect(emu.canonicalId('ada@example.com')).toBe(emu.canonicalId('user_67890'))
  })

  it('without apiSecret or serviceAccount is a ConfigError and the emulator sees no request', async () => {
    const result = await F.pipe(ids, merge({ token: TOKEN, host: emu.url }))()
    expect(E.isLeft(result) && result.left._tag).toBe('ConfigError')
    expect(E.isLeft(result) && result.left.message).toMatch(/apiSecret|serviceAccount/)
    expect(emu.requests()).toHaveLength(0)
  })

  it('with a wrong secret is a typed error that never shows the secret, and nothing is merged', async () => {
    await twoProfiles()
    const wrong = 'wrong-secret-1234'
    const result = await merge({ token: TOKEN, host: emu.url, apiSecret: wrong, retry: { limit: 0 } })(ids)()
    expect(E.isLeft(result)).toBe(true)
    expect(JSON.stringify(result)).not.toContain(wrong)
    expect(emu.canonicalId('ada@example.com')).not.toBe(emu.canonicalId('user_67890'))
  })

  it('refuses merging an id with itself before sending', async () => {
    const result = await merge({ token: TOKEN, host: emu.url, apiSecret: API_SECRET })({ distinctId1: 'user_67890', distinctId2: 'user_67890' })()
    expect(E.isLeft(result) && result.left._tag).toBe('ValidationError')
    expect(emu.requests()).toHaveLength(0)
  })
})
