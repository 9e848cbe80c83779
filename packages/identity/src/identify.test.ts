import { afterAll, beforeAll, beforeEach, describe, it, expect } from 'vitest'
import { either as E, function as F } from 'fp-ts'
import { emulatorPerFile } from '@mp/emulator'
import { identify } from '@mp/identity'
import { postRecords, trackedEvent } from './test-post.ts'


const emu = emulatorPerFile({ beforeAll, afterAll, beforeEach }, { port: 0, idMerge: 'original' })

const TOKEN = 'tok_identity'
// Original ID Merge only honours $identify when $anon_id is a UUID v4.
const ANON = '3f1c0d2e-4b5a-4c6d-8e9f-a0b1c2d3e4f5'

describe('identify against the emulator', () => {
  it('links the anonymous device id to the known user', async () => {
    await postRecords(emu.url, '/track', [trackedEvent(TOKEN, ANON, 'Page View')])
    const result = await F.pipe({ identifiedId: 'user_67890', anonId: ANON }, identify({ token: TOKEN, host: emu.url }))()
    expect(result).toStrictEqual(E.right({ endpoint: '/track', records: 1, attempts: 1 }))
    expect(emu.eventsFor('user_67890').map((e) => [e.event, e.distinctId])).toContainEqual(['Page View', ANON])
    expect(emu.requests()[1]?.records).toStrictEqual([
      { event: '$identify', properties: { $identified_id: 'user_67890', $anon_id: ANON, token: TOKEN } },
    ])
  })

  it('sends nothing for a placeholder anonymous id', async () => {
    const result = await identify({ token: TOKEN, host: emu.url })({ identifiedId: 'user_67890', anonId: 'undefined' })()
    expect(E.isLeft(result) && result.left._tag).toBe('ValidationError')
    expect(emu.requests()).toHaveLength(0)
  })
})
