// track, importData and importEvents with Simplified ID Merge ids, against an emulated project on each
// identity system: the same records link ids on Simplified and nothing on Original.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { either as E } from 'fp-ts'
import { emulatorPerFile } from '@mp/emulator'
import { importData, importEvents, track } from '@mp/events'

const SECRET = 'events-secret'
const simplified = emulatorPerFile({ beforeAll, afterAll, beforeEach }, { port: 0, credentials: { apiSecret: SECRET } })
const original = emulatorPerFile({ beforeAll, afterAll, beforeEach }, { port: 0, idMerge: 'original', credentials: { apiSecret: SECRET } })
const configOf = (url: string) => ({ token: 'tok', apiSecret: SECRET, host: url, retry: { limit: 0 } })
const hourAgo = () => Math.floor(Date.now() / 1000) - 3600

describe('Simplified ID Merge ids against a Simplified project', () => {
  it('deviceId events, then one with deviceId and userId: one cluster, every event resolved to the user', async () => {
    const config = configOf(simplified.url)
    expect(E.isRight(await importData(config)({ deviceId: 'd-1', event: 'Ad Click', timestamp: hourAgo() })())).toBe(true)
    expect(E.isRight(await track(config)({ deviceId: 'd-1', event: 'Page View' })())).toBe(true)
    expect(E.isRight(await track(config)({ deviceId: 'd-1', userId: 'u-1', event: 'Sign Up' })())).toBe(true)
    expect(E.isRight(await track(config)({ deviceId: 'd-2', userId: 'u-1', event: 'Log In' })())).toBe(true)
    expect(simplified.identities()).toStrictEqual([['u-1', '$device:d-1', '$device:d-2']])
    expect(simplified.events().map((e) => `${e.event}: ${e.distinctId} → ${e.canonicalId}`)).toStrictEqual([
      'Ad Click: $device:d-1 → u-1',
      'Page View: $device:d-1 → u-1',
      'Sign Up: u-1 → u-1',
      'Log In: u-1 → u-1',
    ])
  })

  it('importEvents sends events with $device_id / $user_id and no distinct_id as they are, and they are imported', async () => {
    const result = await importEvents(configOf(simplified.url))([
      { event: 'Page View', properties: { $device_id: 'd-3', time: hourAgo() } },
      { event: 'Sign Up', properties: { $device_id: 'd-3', $user_id: 'u-3', time: hourAgo() + 1 } },
    ])()
    expect(result).toMatchObject(E.right({ records: 2, imported: 2, rejected: 0 }))
    expect(simplified.requests()[0]?.records.map((r) => Object.keys(r['properties'] as object).includes('distinct_id'))).toStrictEqual([false, false])
    expect(simplified.identities()).toStrictEqual([['u-3', '$device:d-3']])
  })
})

describe('the same ids against an Original project', () => {
  it('track with deviceId and userId is stored, with both properties, but links nothing', async () => {
    const config = configOf(original.url)
    await track(config)({ deviceId: 'd-1', event: 'Page View' })()
    await track(config)({ deviceId: 'd-1', userId: 'u-1', event: 'Sign Up' })()
    expect(original.identities()).toStrictEqual([])
    expect(original.events().map((e) => e.canonicalId)).toStrictEqual(['$device:d-1', 'u-1'])
    expect(original.events()[1]?.properties).toMatchObject({ distinct_id: 'u-1', $device_id: 'd-1', $user_id: 'u-1' })
  })

  it('importEvents without distinct_id is refused by the project, per record', async () => {
    const result = await importEvents(configOf(original.url))([{ event: 'Page View', properties: { $device_id: 'd-3', time: hourAgo() } }])()
    expect(result).toMatchObject(
      E.left({ _tag: 'RecordsRejected', imported: 0, failed: [{ index: 0, field: 'properties.distinct_id', message: "'properties.distinct_id' is invalid: must not be missing" }] }),
    )
  })
})
