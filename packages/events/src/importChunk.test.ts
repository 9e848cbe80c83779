import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { emulatorPerFile } from '@mp/emulator'
import { importChunk } from './importChunk.ts'
import { prepareImportEvent } from './prepareImportEvent.ts'
import { IMPORT_LIMITS, readChunks, type Chunk } from './readChunks.ts'
import { leftOf, rightOf } from './test-either.ts'

// The emulator's clock runs two days behind ours: a time one day after its "now" passes our check
// but the emulator refuses it as in the future.
const EMU_NOW = Date.UTC(2024, 5, 1)
const OUR_NOW = EMU_NOW + 2 * 86_400_000
const SECRET = 'chunk-secret'

const emu = emulatorPerFile({ beforeAll, afterAll, beforeEach }, { port: 0, now: () => EMU_NOW, credentials: { apiSecret: SECRET } })

const event = (i: number, time = EMU_NOW / 1000 - 3600): unknown => ({ event: 'e', properties: { distinct_id: `u${i}`, time, i } })

// Input positions 0..9; 3 is refused by us (no time), 6 by the emulator only (in its future).
const chunksOf = async (): Promise<Chunk[]> => {
  const source = Array.from({ length: 10 }, (_, i) => (i === 3 ? { event: 'e', properties: { distinct_id: 'u' } } : event(i, i === 6 ? EMU_NOW / 1000 + 86_400 : undefined)))
  const chunks: Chunk[] = []
  for await (const chunk of readChunks(source, (raw) => prepareImportEvent(raw, 'TOKEN', OUR_NOW), () => undefined, { ...IMPORT_LIMITS, maxRecords: 5 })) chunks.push(chunk)
  return chunks
}

describe('importChunk (against the emulator)', () => {
  it('answers, per chunk, what was imported and which input positions Mixpanel refused', async () => {
    const [first, second] = await chunksOf()
    expect(first?.indices).toEqual([0, 1, 2, 4, 5])
    expect(second?.indices).toEqual([6, 7, 8, 9])
    const sendChunk = importChunk({ token: 'TOKEN', apiSecret: SECRET, host: emu.url, retry: { limit: 0 } })
    expect(rightOf(await sendChunk(first as Chunk)())).toEqual({ imported: 5, refused: [], attempts: 1 })
    const answer = rightOf(await sendChunk(second as Chunk)())
    expect(answer).toMatchObject({ imported: 3, attempts: 1, refused: [{ index: 6, field: 'properties.time', message: expect.stringContaining('future') }] })
    expect(emu.events()).toHaveLength(8)
    expect(emu.requests().every((r) => r.gzip && r.query['strict'] === '1')).toBe(true)
  })

  it('answers Left when the chunk was not taken in, and sends plain JSON when gzip is false', async () => {
    const [first] = await chunksOf()
    const failed = leftOf(await importChunk({ token: 'TOKEN', apiSecret: 'wrong', host: emu.url, retry: { limit: 0 } })(first as Chunk)())
    expect(failed).toMatchObject({ _tag: 'HttpError', status: 401 })
    expect(JSON.stringify(failed)).not.toContain('wrong')
    expect(emu.events()).toHaveLength(0)
    rightOf(await importChunk({ token: 'TOKEN', apiSecret: SECRET, host: emu.url, gzip: false })(first as Chunk)())
    expect(emu.requests().at(-1)?.gzip).toBe(false)
  })
})
