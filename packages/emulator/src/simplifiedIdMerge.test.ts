// Every Simplified ID Merge scenario of identity-systems.md §6, one `it` each, named after it; the events
// go over HTTP as raw records, the way any SDK sends them. Then the same kind of events against an
// Original ID Merge project, where they link nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { emulatorPerFile } from './emulatorPerFile.ts'
import { http } from './test-http.ts'

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0)
const NOW_S = NOW / 1000
const SECRET = { authorization: `Basic ${Buffer.from('secret:').toString('base64')}` }
const UUID = '3f1c0d2e-4b5a-4c6d-8e9f-a0b1c2d3e4f5'

const emu = emulatorPerFile({ beforeAll, afterAll, beforeEach }, { port: 0, now: () => NOW })
const original = emulatorPerFile({ beforeAll, afterAll, beforeEach }, { port: 0, now: () => NOW, idMerge: 'original' })

let seq = 0
/** `name{props}` of the reference's notation, as a /track or /import record (time and insert id filled in). */
const ev = (name: string, properties: Record<string, unknown> = {}) => ({
  event: name,
  properties: { token: 'tok', time: NOW_S - 60, $insert_id: `i-${seq++}`, ...properties },
})
const dev = (d: string, extra: Record<string, unknown> = {}) => ({ $device_id: d, ...extra })
const both = (d: string, u: string) => ({ $device_id: d, $user_id: u })

const track = (url: string, ...records: ReadonlyArray<unknown>) => http(url, '/track?verbose=1', { json: records })
const importStrict = (url: string, records: ReadonlyArray<unknown>) => http(url, '/import?strict=1', { json: records, headers: SECRET })

/** `event → resolved distinct_id` for every stored event, in arrival order. */
const resolved = (): ReadonlyArray<string> => emu.events().map((e) => `${e.event}→${e.canonicalId}`)

describe('Simplified ID Merge: the scenarios of identity-systems.md §6', () => {
  it('1. new user signup', async () => {
    await track(emu.url, ev('a', dev('D1')), ev('b', dev('D1')))
    expect(emu.events().map((e) => e.distinctId)).toEqual(['$device:D1', '$device:D1'])
    await track(emu.url, ev('signup', both('D1', 'U1')))
    expect(emu.identities()).toEqual([['U1', '$device:D1']])
    expect(resolved()).toEqual(['a→U1', 'b→U1', 'signup→U1'])
    // Stored as $device:D1, resolved to U1 at query time, as Mixpanel's export would show it.
    expect(emu.events()[0]?.properties).toMatchObject({ distinct_id: '$device:D1', $distinct_id_before_identity: '$device:D1' })
    expect(emu.canonicalId('$device:D1')).toBe('U1')
  })

  it('2. returning user, new device', async () => {
    await track(emu.url, ev('a', dev('D1')), ev('b', dev('D1')), ev('signup', both('D1', 'U1')))
    await track(emu.url, ev('c', dev('D2')), ev('d', dev('D2')))
    expect(emu.events().slice(3).map((e) => e.canonicalId)).toEqual(['$device:D2', '$device:D2'])
    await track(emu.url, ev('login', both('D2', 'U1')))
    expect(emu.identities()).toEqual([['U1', '$device:D1', '$device:D2']])
    expect(emu.events().map((e) => e.canonicalId)).toEqual(Array(6).fill('U1'))
    expect(emu.eventsFor('U1')).toHaveLength(6)
  })

  it('3. multiple users on one device, with reset', async () => {
    await track(emu.url, ev('a', dev('D1')), ev('login', both('D1', 'U1')), ev('b', dev('D2')), ev('c', dev('D2')), ev('login', both('D2', 'U2')))
    expect(emu.identities()).toEqual([
      ['U1', '$device:D1'],
      ['U2', '$device:D2'],
    ])
    expect(resolved()).toEqual(['a→U1', 'login→U1', 'b→U2', 'c→U2', 'login→U2'])
  })

  it('4. shared device without reset (conflict)', async () => {
    const answer = await track(emu.url, ev('login', both('D1', 'U1')), ev('login', both('D1', 'U2')), ev('x', dev('D1')))
    expect(answer.body).toBe('{"error":null,"status":1}')
    expect(emu.identities()).toEqual([['U1', '$device:D1']])
    expect(emu.canonicalId('U2')).toBe('U2')
    expect(resolved()).toEqual(['login→U1', 'login→U2', 'x→U1'])
    const [first, second] = emu.events()
    expect(first?.properties['$identity_failure_reason']).toBeUndefined()
    expect(second?.properties).toMatchObject({ distinct_id: 'U2', $identity_failure_reason: 'errAnonDistinctIdAssignedAlready' })
  })

  it('5. logout, then the same user or another user (migration doc)', async () => {
    await track(emu.url, ev('p', dev('anonymous111')), ev('signup', both('anonymous111', 'charlie')), ev('q', dev('anonymous222')))
    await track(emu.url, ev('signin', both('anonymous222', 'charlie')))
    expect(emu.identities()).toEqual([['charlie', '$device:anonymous111', '$device:anonymous222']])
    expect(resolved()).toEqual(['p→charlie', 'signup→charlie', 'q→charlie', 'signin→charlie'])

    // The variant: another user signs in on the second device.
    emu.reset()
    await track(emu.url, ev('p', dev('anonymous111')), ev('signup', both('anonymous111', 'charlie')), ev('q', dev('anonymous222')))
    await track(emu.url, ev('signin', both('anonymous222', 'taylor')))
    expect(emu.identities()).toEqual([
      ['charlie', '$device:anonymous111'],
      ['taylor', '$device:anonymous222'],
    ])
    expect(resolved()).toEqual(['p→charlie', 'signup→charlie', 'q→taylor', 'signin→taylor'])
  })

  it('6. a second "user id" cannot merge', async () => {
    await track(emu.url, ev('e', { $device_id: '+6512345678', $user_id: 'charlie' }), ev('f', { $user_id: '+6512345678' }))
    expect(emu.identities()).toEqual([['charlie', '$device:+6512345678']])
    expect(resolved()).toEqual(['e→charlie', 'f→+6512345678'])
    expect(emu.canonicalId('+6512345678')).toBe('+6512345678')
  })

  it('7. distinct_id-only compatibility', async () => {
    await track(emu.url, ev('m', { distinct_id: 'charlie' }), ev('n', { distinct_id: '$device:anonymous111' }), ev('o', { distinct_id: UUID }))
    // As sent: m names the user charlie, n the device anonymous111, o a user named by the UUID.
    expect(emu.events().map((e) => [e.event, e.distinctId, e.properties['distinct_id']])).toEqual([
      ['m', 'charlie', 'charlie'],
      ['n', '$device:anonymous111', '$device:anonymous111'],
      ['o', UUID, UUID],
    ])
    expect(emu.identities()).toEqual([])
    await track(emu.url, ev('link', both('anonymous111', 'charlie')))
    expect(resolved()).toEqual(['m→charlie', 'n→charlie', `o→${UUID}`, 'link→charlie'])
  })

  it('8. verbs are inert', async () => {
    // /track $create_alias: answered 1, clusters unchanged, shown as ignored with the reason.
    const aliased = await http(emu.url, '/track', { json: [ev('$create_alias', { distinct_id: 'U1', alias: 'a@x' })] })
    expect(aliased.body).toBe('1')
    expect(emu.identities()).toEqual([])
    expect(emu.canonicalId('a@x')).toBe('a@x')

    // /import?strict=1: each verb is a 400 whose failed_records holds Mixpanel's bare string.
    for (const verb of [
      ev('$identify', { $identified_id: 'U1', $anon_id: UUID }),
      ev('$create_alias', { distinct_id: 'U1', alias: 'a@x' }),
      ev('$merge', { $distinct_ids: ['U1', 'a@x'] }),
    ]) {
      const refused = await importStrict(emu.url, [verb])
      expect([refused.status, JSON.parse(refused.body)]).toEqual([
        400,
        {
          code: 400,
          error: 'some data points in the request failed validation',
          status: 'Bad Request',
          num_records_imported: 0,
          failed_records: ['identity events are not allowed when project is using simplified identity management'],
        },
      ])
    }

    // The browser SDK's $identify carries both ids, and still links nothing.
    await track(emu.url, ev('$identify', { distinct_id: 'U1', $anon_distinct_id: '$device:D9', $device_id: 'D9', $user_id: 'U1' }))
    expect(emu.identities()).toEqual([])
    expect(emu.canonicalId('$device:D9')).toBe('$device:D9')

    expect(emu.events()).toEqual([])
    expect(emu.ignoredIdentityEvents().map((e) => `${e.endpoint} ${e.event}`)).toEqual([
      '/track $create_alias',
      '/import $identify',
      '/import $create_alias',
      '/import $merge',
      '/track $identify',
    ])
    expect(emu.ignoredIdentityEvents()[0]?.reason).toBe(
      'Simplified ID Merge ignores identity events: /track answers 1 and links nothing; an event carrying both $device_id and $user_id links them',
    )
    const view = JSON.parse((await http(emu.url, '/_emulator/state')).body) as { idMerge: string; ignoredIdentityEvents: ReadonlyArray<unknown> }
    expect([view.idMerge, view.ignoredIdentityEvents]).toEqual(['simplified', emu.ignoredIdentityEvents()])
  })

  it('9. prefix normalisation', async () => {
    await track(emu.url, ev('k', { $device_id: '$device:X', $user_id: 'U8' }), ev('l', { $device_id: 'X' }))
    expect(emu.identities()).toEqual([['U8', '$device:X']])
    expect(resolved()).toEqual(['k→U8', 'l→U8'])
  })

  it('10. link time is irrelevant, and reserved props override distinct_id', async () => {
    const t = NOW_S - 3600
    await importStrict(emu.url, [ev('v', { $device_id: 'D9', time: t }), ev('w', { $device_id: 'D9', time: t + 10 })])
    await importStrict(emu.url, [ev('link', { ...both('D9', 'U9'), time: t - 30 * 86_400 })])
    expect(resolved()).toEqual(['v→U9', 'w→U9', 'link→U9'])

    emu.reset()
    await track(emu.url, ev('z', { distinct_id: 'U7', $device_id: 'D7' }))
    expect(emu.events()[0]).toMatchObject({ distinctId: '$device:D7', properties: { distinct_id: '$device:D7' } })
    expect(emu.identities()).toEqual([])
    expect(emu.canonicalId('U7')).toBe('U7')
  })
})

describe('Simplified ID Merge: ingestion details', () => {
  it('/import accepts events with $device_id and/or $user_id and no distinct_id; one with no id at all is refused', async () => {
    const answer = await importStrict(emu.url, [ev('a', dev('D1')), ev('b', { $user_id: 'U1' }), ev('c')])
    expect(JSON.parse(answer.body)).toMatchObject({
      num_records_imported: 2,
      failed_records: [{ index: 2, field: 'properties.distinct_id', message: "'properties.distinct_id' is invalid: must not be missing" }],
    })
    expect(emu.events().map((e) => e.distinctId)).toEqual(['$device:D1', 'U1'])
  })

  it('/import checks the derived distinct_id: a placeholder $user_id is refused', async () => {
    const answer = await importStrict(emu.url, [ev('a', { $device_id: 'D1', $user_id: 'null' })])
    expect(JSON.parse(answer.body)).toMatchObject({ failed_records: [{ index: 0, field: 'properties.distinct_id' }] })
    expect(emu.identities()).toEqual([])
  })

  it('a batch mixing a verb and good events imports the events and refuses the verb', async () => {
    const answer = await importStrict(emu.url, [ev('a', dev('D1')), ev('$merge', { $distinct_ids: ['a', 'b'] }), ev('b', both('D1', 'U1'))])
    expect(answer.status).toBe(400)
    expect(JSON.parse(answer.body)).toMatchObject({ num_records_imported: 2, failed_records: ['identity events are not allowed when project is using simplified identity management'] })
    expect(emu.identities()).toEqual([['U1', '$device:D1']])
  })

  it('non-strict /import answers a verb in the /track style with the reason', async () => {
    const answer = await http(emu.url, '/import?verbose=1', { json: [ev('$create_alias', { distinct_id: 'a', alias: 'b' })], headers: SECRET })
    expect(answer.body).toBe('{"error":"identity events are not allowed when project is using simplified identity management","status":0}')
  })

  it('profiles live under the literal $distinct_id: a link copies nothing, and profiles never merge', async () => {
    const engage = (id: string, set: Record<string, unknown>) => http(emu.url, '/engage', { json: [{ $token: 'tok', $distinct_id: id, $set: set }] })
    await engage('$device:D1', { referrer: 'ad' })
    await track(emu.url, ev('signup', both('D1', 'U1')))
    await engage('U1', { plan: 'pro' })
    expect(emu.profiles()).toEqual({ '$device:D1': { referrer: 'ad' }, U1: { plan: 'pro' } })
    expect(emu.profile('U1')).toEqual({ plan: 'pro' })
  })

  it('deduplicates on the derived distinct_id', async () => {
    const once = ev('a', dev('D1'))
    await track(emu.url, once, once)
    expect(emu.stats()).toMatchObject({ eventsStored: 1, duplicates: 1 })
  })
})

describe('Original ID Merge: the same events link nothing; the verbs do', () => {
  it('$device_id and $user_id on an event are stored but create no link (PROBE #13)', async () => {
    await track(original.url, ev('a', { distinct_id: 'D1', ...dev('D1') }), ev('signup', { distinct_id: 'U1', ...both('D1', 'U1') }))
    expect(original.identities()).toEqual([])
    expect(original.events().map((e) => `${e.event}→${e.canonicalId}`)).toEqual(['a→D1', 'signup→U1'])
    expect(original.events()[1]?.properties).toMatchObject({ $device_id: 'D1', $user_id: 'U1' })
  })

  it('/import needs distinct_id: an event with only $device_id / $user_id is refused as missing one', async () => {
    const answer = await importStrict(original.url, [ev('a', both('D1', 'U1'))])
    expect(JSON.parse(answer.body)).toMatchObject({
      failed_records: [{ index: 0, field: 'properties.distinct_id', message: "'properties.distinct_id' is invalid: must not be missing" }],
    })
  })

  it('$create_alias, $merge and $identify link clusters, and nothing is listed as ignored', async () => {
    await track(original.url, ev('$create_alias', { distinct_id: 'anon-1', alias: 'U1' }), ev('$identify', { $identified_id: 'U2', $anon_id: UUID }))
    expect((await importStrict(original.url, [ev('$merge', { $distinct_ids: ['U1', 'U2'] })])).status).toBe(200)
    expect(original.identities()).toHaveLength(1)
    expect([...(original.identities()[0] ?? [])].sort()).toEqual(['U1', 'U2', UUID, 'anon-1'].sort())
    expect(original.ignoredIdentityEvents()).toEqual([])
    expect(original.idMerge).toBe('original')
  })
})
