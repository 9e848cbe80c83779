// The identity quick start proposed for the README, run as written except that `config` points at the emulator.
import { afterAll, beforeAll, describe, it, expect, beforeEach } from 'vitest'
import { either as E, function as F } from 'fp-ts'
import { MixpanelException, toPromise } from '@mp/core'
import { emulatorPerFile } from '@mp/emulator'
import { alias, merge } from '@mp/identity'

const emu = emulatorPerFile({ beforeAll, afterAll, beforeEach }, { port: 0, idMerge: 'original' })

describe('README quick start: identity', () => {
  it('pipe style: alias, then merge, each an Either', async () => {
    const config = { token: 'YOUR_PROJECT_TOKEN', host: emu.url } // README: { token, region: 'eu' }
    const apiSecret = 'YOUR_API_SECRET'

    // --- README snippet (pipe style) ---
    // After signup: make the permanent id another name for the anonymous one.
    const linked = await F.pipe({ aliasId: 'user_67890', original: 'anonymous_12345' }, alias(config))()
    // linked: Right({ endpoint: '/track', records: 1, attempts: 1 })

    // Two profiles turn out to be one person: merge them (needs apiSecret or serviceAccount).
    const merged = await F.pipe(
      { distinctId1: 'user_67890', distinctId2: 'ada@example.com' },
      merge({ ...config, apiSecret }),
    )()
    if (E.isLeft(merged)) console.error(merged.left._tag, merged.left.message)
    // --- end ---

    expect(linked).toStrictEqual(E.right({ endpoint: '/track', records: 1, attempts: 1 }))
    expect(merged).toMatchObject(E.right({ endpoint: '/import', records: 1 }))
    expect(emu.canonicalId('anonymous_12345')).toBe(emu.canonicalId('ada@example.com'))
  })

  it('Promise style: toPromise resolves with the receipt or rejects with a MixpanelException', async () => {
    const config = { token: 'YOUR_PROJECT_TOKEN', host: emu.url }

    // --- README snippet (Promise style) ---
    const receipt = await toPromise(alias(config)({ aliasId: 'user_1', original: 'device_1' }))

    try {
      await toPromise(merge(config)({ distinctId1: 'user_1', distinctId2: 'user_2' })) // no apiSecret
    } catch (e) {
      if (e instanceof MixpanelException) console.error(e.error._tag, e.message) // ConfigError …
    }
    // --- end ---

    expect(receipt).toStrictEqual({ endpoint: '/track', records: 1, attempts: 1 })
    const rejected = await toPromise(merge(config)({ distinctId1: 'user_1', distinctId2: 'user_2' })).catch((e: unknown) => e)
    expect(rejected instanceof MixpanelException && rejected.error._tag).toBe('ConfigError')
  })
})
