import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { emulatorPerFile } from '@mp/emulator'
import type { Chunk } from '@mp/events'
import { profileChunkSender } from './profileChunkSender.ts'

const emu = emulatorPerFile({ beforeAll, afterAll, beforeEach })

const update = (id: string, extra: Record<string, unknown> = { $set: { plan: 'pro' } }) => ({ $token: 't', $time: 1, $distinct_id: id, ...extra })

describe('profileChunkSender (against the emulator)', () => {
  it('answers every update of an accepted chunk as imported', async () => {
    const chunk: Chunk = { records: [update('u1'), update('u2')], indices: [4, 9], bytes: 100 }
    const answer = await profileChunkSender({ token: 't', host: emu.url }, '/engage')(chunk)()
    expect(answer).toEqual({ _tag: 'Right', right: { imported: 2, refused: [], attempts: 1 } })
    expect(emu.profile('u2')).toMatchObject({ plan: 'pro' })
  })

  it('reports every update of a chunk Mixpanel refused in part, with its reason', async () => {
    const chunk: Chunk = { records: [update('u1'), update('u2', { $add: { n: 'x' } })], indices: [0, 1], bytes: 100 }
    const answer = await profileChunkSender({ token: 't', host: emu.url }, '/engage')(chunk)()
    expect(answer).toMatchObject({ _tag: 'Right', right: { imported: 0, refused: [{ index: 0 }, { index: 1 }] } })
    if (answer._tag === 'Right') expect(answer.right.refused[0]?.message).toMatch(/^Mixpanel refused some update in this batch of 2 without saying which/)
  })

  it('answers Left when the chunk was not taken in', async () => {
    emu.faults.next(1, { kind: 'status', status: 503 })
    const chunk: Chunk = { records: [{ $token: 't', $group_key: 'k', $group_id: 'g', $set: { a: 1 } }], indices: [0], bytes: 10 }
    const answer = await profileChunkSender({ token: 't', host: emu.url, retry: { limit: 0 } }, '/groups')(chunk)()
    expect(answer).toMatchObject({ _tag: 'Left', left: { _tag: 'HttpError', status: 503 } })
    expect(emu.groups()).toEqual({})
  })
})
