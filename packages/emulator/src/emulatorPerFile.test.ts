import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { emulatorPerFile } from './emulatorPerFile.ts'
import { http } from './test-http.ts'

const emu = emulatorPerFile({ beforeAll, afterAll, beforeEach })
const originalEmu = emulatorPerFile({ beforeAll, afterAll, beforeEach }, { port: 0, idMerge: 'original' })
const track = (name: string) => http(emu.url, '/track?verbose=1', { json: [{ event: name, properties: { token: 'tok', distinct_id: 'u1' } }] })

describe('emulatorPerFile', () => {
  it('is listening on loopback once the tests run', async () => {
    expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(JSON.parse((await track('first')).body)).toEqual({ status: 1, error: null })
    expect(emu.events().map((e) => e.event)).toEqual(['first'])
  })

  it('passes its options through: Simplified ID Merge by default, Original when asked', () => {
    expect([emu.idMerge, originalEmu.idMerge]).toEqual(['simplified', 'original'])
  })

  it('starts each test empty: the previous test left one event', async () => {
    expect(emu.events()).toEqual([])
    await track('second')
    expect(emu.events().map((e) => e.event)).toEqual(['second'])
  })
})
