// The README's Original ID Merge quick start, run as written except that `original` points at the emulator.
import { afterAll, beforeAll, describe, it, expect, beforeEach } from 'vitest'
import { either as E, function as F } from 'fp-ts'
import { MixpanelException, toPromise } from '@mp/core'
import { emulatorPerFile } from '@mp/emulator'
import { alias, merge } from '@mp/identity'

const emu = emulatorPerFile({ beforeAll, afterAll, beforeEach }, { port: 0, idMerge: 'original' })

describe('README quick start: identity on Original ID Merge', () => {
  it('pipe style: alias, then merge, each an Either', async () => {
    const original = { token: 'YOUR_PROJECT_TOKEN', host: emu.url, idMerge: 'original' as const } // README: region: 'eu'

    // --- README snippet (pipe style) ---
    const aliased = await F.pipe({ aliasId: 'user_67890', original: 'anonymous_12345' }, alias(original))()
    // Right({ endpoint: '/track', records: 1, attempts: 1 })

    // merge needs apiSecret or serviceAccount; without them it is a ConfigError and nothing is sent.
    const merged = await F.pipe(
      { distinctId1: 'user_67890', distinctId2: 'ada@example.com' },
      merge({ ...original, apiSecret: 'YOUR_API_SECRET' }),
    )()
    if (E.isLeft(merged)) console.error(merged.left._tag, merged.left.message)
    // --- end ---

    expect(aliased).toStrictEqual(E.right({ endpoint: '/track', records: 1, attempts: 1 }))
    expect(merged).toMatchObject(E.right({ endpoint: '/import', records: 1 }))
    expect(emu.canonicalId('anonymous_12345')).toBe(emu.canonicalId('ada@example.com'))
  })

  it('Promise style: toPromise resolves with the receipt or rejects with a MixpanelException', async () => {
    const original = { token: 'YOUR_PROJECT_TOKEN', host: emu.url, idMerge: 'original' as const }

    // --- README snippet (Promise style) ---
    const receipt = await toPromise(alias(original)({ aliasId: 'user_1', original: 'device_1' }))
    try {
      await toPromise(merge(original)({ distinctId1: 'user_1', distinctId2: 'user_2' })) // no apiSecret
    } catch (e) {
      if (e instanceof MixpanelException) console.error(e.error._tag, e.message) // ConfigError …
    }
    // --- end ---

    expect(receipt).toStrictEqual({ endpoint: '/track', records: 1, attempts: 1 })
    const rejected = await toPromise(merge(original)({ distinctId1: 'user_1', distinctId2: 'user_2' })).catch((e: unknown) => e)
    expect(rejected instanceof MixpanelException && rejected.error._tag).toBe('ConfigError')
  })
})
