// The facade on a Simplified ID Merge project: ids are linked by track with deviceId and userId, and
// idMerge: 'simplified' refuses the verbs Mixpanel would ignore there.
import { either as E } from 'fp-ts'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { MixpanelException } from '@mp/core'
import { emulatorPerFile } from '@mp/emulator'
import { createMixpanel } from './createMixpanel.ts'
import { Mixpanel } from './Mixpanel.ts'

const emu = emulatorPerFile({ beforeAll, afterAll, beforeEach })
const SECRET = 'facade-secret-value'
const config = () => ({ token: 'facade-token', apiSecret: SECRET, host: emu.url, retry: { limit: 0 } })
const nowSeconds = (): number => Math.floor(Date.now() / 1000)

describe('createMixpanel on Simplified ID Merge', () => {
  it('track and importData take deviceId / userId; the signup event links the device to the user', async () => {
    const mp = createMixpanel({ ...config(), idMerge: 'simplified' })
    expect(E.isRight(await mp.track({ deviceId: 'dev-1', event: 'Page View' })())).toBe(true)
    expect(E.isRight(await mp.importData({ deviceId: 'dev-1', event: 'Ad Click', timestamp: nowSeconds() - 3600 })())).toBe(true)
    expect(E.isRight(await mp.track({ deviceId: 'dev-1', userId: 'user-1', event: 'Sign Up' })())).toBe(true)
    expect(emu.identities()).toEqual([['user-1', '$device:dev-1']])
    expect(emu.eventsFor('user-1').map((e) => `${e.event}@${e.distinctId}`)).toEqual(['Page View@$device:dev-1', 'Ad Click@$device:dev-1', 'Sign Up@user-1'])
  })

  it("with idMerge: 'simplified', alias, merge and identify answer a ConfigError on idMerge and send nothing, queue or not", async () => {
    for (const options of [undefined, { queue: true }] as const) {
      const mp = createMixpanel({ ...config(), idMerge: 'simplified' }, options)
      const results = [
        await mp.alias({ aliasId: 'user-1', original: 'anon-1' })(),
        await mp.merge({ distinctId1: 'user-1', distinctId2: 'user-2' })(),
        await mp.identify({ identifiedId: 'user-1', anonId: 'anon-1' })(),
      ]
      expect(results.map((r) => E.isLeft(r) && [r.left._tag, 'field' in r.left && r.left.field, r.left.message.split(' ')[0]])).toEqual([
        ['ConfigError', 'idMerge', 'alias'],
        ['ConfigError', 'idMerge', 'merge'],
        ['ConfigError', 'idMerge', 'identify'],
      ])
      expect(results[0]?._tag === 'Left' && results[0].left.message).toContain('both deviceId and userId')
    }
    expect(emu.requests()).toHaveLength(0)
  })

  it('without idMerge, an alias reaches Mixpanel, which answers 1 and links nothing: the trap idMerge closes', async () => {
    const mp = createMixpanel(config())
    expect(await mp.alias({ aliasId: 'user-1', original: 'anon-1' })()).toStrictEqual(E.right({ endpoint: '/track', records: 1, attempts: 1 }))
    expect(emu.identities()).toEqual([])
    expect(emu.ignoredIdentityEvents().map((e) => e.event)).toEqual(['$create_alias'])
  })

  it('the Promise facade passes idMerge through and rejects with the same ConfigError', async () => {
    const mp = Mixpanel('facade-token', { host: emu.url, idMerge: 'simplified' })
    const rejected = await mp.alias({ aliasId: 'user-1', original: 'anon-1' }).catch((e: unknown) => e)
    expect(rejected instanceof MixpanelException && rejected.error).toMatchObject({ _tag: 'ConfigError', path: 'idMerge', field: 'idMerge' })
    await mp.track({ deviceId: 'dev-2', userId: 'user-2', event: 'Log In' })
    expect(emu.identities()).toEqual([['user-2', '$device:dev-2']])
    expect(emu.requests()).toHaveLength(1)
  })

  it('refuses conflicting ids as a ValidationError naming the field', async () => {
    const mp = createMixpanel(config())
    expect(await mp.track({ distinctId: 'someone-else', userId: 'user-1', event: 'e' })()).toMatchObject(E.left({ _tag: 'ValidationError', path: 'distinctId' }))
    expect(await mp.track({ event: 'e' } as never)()).toMatchObject(E.left({ _tag: 'ValidationError', path: 'distinctId' }))
    expect(emu.requests()).toHaveLength(0)
  })
})
