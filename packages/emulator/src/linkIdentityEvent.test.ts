import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { emulatorPerFile } from './emulatorPerFile.ts'
import { startEmulator } from './startEmulator.ts'
import { http } from './test-http.ts'

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0)
const SECRET = { authorization: `Basic ${Buffer.from('secret:').toString('base64')}` }
const emu = emulatorPerFile({ beforeAll, afterAll, beforeEach }, { port: 0, now: () => NOW, idMerge: 'original' })

const track = (...records: Array<Record<string, unknown>>) => http(emu.url, '/track?verbose=1', { json: records })
const event = (name: string, id: string) => ({ event: name, properties: { token: 'tok', distinct_id: id } })
const alias = (aliasId: string, original: string) => ({
  event: '$create_alias',
  properties: { token: 'tok', distinct_id: original, alias: aliasId },
})
let seq = 0
const merge = (ids: ReadonlyArray<string>) => ({
  event: '$merge',
  properties: { token: 'tok', $distinct_ids: ids, time: NOW / 1000, distinct_id: ids[0], $insert_id: `merge-${seq++}` },
})
const importRecords = (records: ReadonlyArray<unknown>, headers: Record<string, string> = SECRET) =>
  http(emu.url, '/import?strict=1', { json: records, headers })
const engageSet = (id: string, props: Record<string, unknown>) =>
  http(emu.url, '/engage', { json: [{ $token: 'tok', $distinct_id: id, $set: props }] })
const failureOf = (name: string) =>
  emu
    .events()
    .filter((e) => e.event === name)
    .map((e) => e.properties['$failure_reason'])

describe('$create_alias (Original ID Merge)', () => {
  it('attributes anonymous history to the new permanent id', async () => {
    await track(event('Page viewed', 'anonymous_12345'), event('Clicked', 'anonymous_12345'))
    expect((await track(alias('user_67890', 'anonymous_12345'))).body).toBe('{"error":null,"status":1}')
    await track(event('Purchased', 'user_67890'))
    expect(emu.canonicalId('anonymous_12345')).toBe('user_67890')
    expect(emu.identities()).toEqual([['user_67890', 'anonymous_12345']])
    expect(emu.eventsFor('user_67890').map((e) => e.event)).toEqual(['Page viewed', 'Clicked', '$create_alias', 'Purchased'])
    expect(emu.eventsFor('anonymous_12345')).toEqual(emu.eventsFor('user_67890'))
    expect(emu.events()[0]).toMatchObject({ distinctId: 'anonymous_12345', canonicalId: 'user_67890' })
  })

  it('merges both profiles, the alias profile winning conflicts, and routes later updates to it', async () => {
    await engageSet('anonymous_12345', { referrer: 'ad', plan: 'trial' })
    await engageSet('user_67890', { plan: 'pro' })
    await track(alias('user_67890', 'anonymous_12345'))
    expect(emu.profiles()).toEqual({ user_67890: { referrer: 'ad', plan: 'pro' } })
    await engageSet('anonymous_12345', { name: 'Ada' })
    expect(emu.profile('user_67890')).toEqual({ referrer: 'ad', plan: 'pro', name: 'Ada' })
    expect(emu.profile('anonymous_12345')).toEqual(emu.profile('user_67890'))
  })

  it('chains aliases; the newest alias becomes canonical', async () => {
    await track(alias('b', 'a'))
    await track(alias('c', 'b'))
    expect(emu.identities()).toHaveLength(1)
    expect(emu.identities()[0]?.[0]).toBe('c')
    expect([...(emu.identities()[0] ?? [])].sort()).toEqual(['a', 'b', 'c'])
    expect(emu.canonicalId('a')).toBe('c')
  })

  it('refuses a second mapping of the same alias, recording why on the event while answering success', async () => {
    await track(alias('x', 'a'))
    const res = await track(alias('x', 'b'))
    expect(res.body).toBe('{"error":null,"status":1}')
    expect(emu.canonicalId('b')).toBe('b')
    expect(failureOf('$create_alias')).toEqual([undefined, 'alias_already_mapped'])
    const refused = emu.events()[1]
    expect(refused?.properties['$failure_description']).toBe(
      "alias 'x' already maps to 'a'; an alias maps to exactly one distinct_id",
    )
    await track(alias('x', 'a'))
    expect(failureOf('$create_alias')).toEqual([undefined, 'alias_already_mapped', undefined])
  })

  it('refuses an alias equal to its distinct_id or a placeholder', async () => {
    await track(alias('same', 'same'))
    await track(alias('null', 'a'))
    expect(failureOf('$create_alias')).toEqual(['invalid_identity_event', 'invalid_identity_event'])
    expect(emu.identities()).toEqual([])
  })
})

describe('$merge', () => {
  it('joins two clusters through authenticated /import, the first id staying canonical', async () => {
    await track(alias('b', 'a'), alias('d', 'c'))
    await engageSet('a', { plan: 'pro', city: 'Paris' })
    await engageSet('c', { plan: 'free', email: 'x@y.z' })
    const res = await importRecords([merge(['a', 'c'])])
    expect(res.body).toBe('{"code":200,"num_records_imported":1,"status":"OK"}')
    expect(emu.identities()).toHaveLength(1)
    expect(emu.identities()[0]?.[0]).toBe('b')
    expect([...(emu.identities()[0] ?? [])].sort()).toEqual(['a', 'b', 'c', 'd'])
    expect(emu.profiles()).toEqual({ b: { plan: 'pro', city: 'Paris', email: 'x@y.z' } })
    expect(emu.profile('d')).toEqual(emu.profile('a'))
  })

  it('accepts the contract record: $distinct_ids and token only', async () => {
    const res = await importRecords([{ event: '$merge', properties: { $distinct_ids: ['p', 'q'], token: 'tok' } }])
    expect(res.body).toBe('{"code":200,"num_records_imported":1,"status":"OK"}')
    expect(emu.identities()).toEqual([['p', 'q']])
    expect(emu.events()[0]).toMatchObject({ endpoint: '/import', event: '$merge', distinctId: 'p', canonicalId: 'p' })
  })

  it('is refused on /track and unauthenticated /import', async () => {
    expect((await track(merge(['a', 'b']))).body).toBe('{"error":null,"status":1}')
    expect(failureOf('$merge')).toEqual(['merge_requires_import'])
    expect((await importRecords([merge(['a', 'b'])], {})).status).toBe(401)
    expect(emu.identities()).toEqual([])
  })

  it('needs exactly two distinct ids', async () => {
    await importRecords([merge(['a', 'b', 'c']), merge(['a', 'a'])])
    expect(failureOf('$merge')).toEqual(['invalid_identity_event', 'invalid_identity_event'])
    expect(emu.identities()).toEqual([])
  })

  it('caps a cluster at 500 ids', async () => {
    const joins = Array.from({ length: 499 }, (_, i) => merge(['root', `id-${i}`]))
    await importRecords(joins.slice(0, 250))
    await importRecords(joins.slice(250))
    expect(emu.identities()[0]).toHaveLength(500)
    await importRecords([merge(['root', 'one-too-many'])])
    expect(emu.canonicalId('one-too-many')).toBe('one-too-many')
    expect(failureOf('$merge').at(-1)).toBe('cluster_limit')
  })
})

describe('$identify', () => {
  const identify = (identified: string, anon: string) => ({
    event: '$identify',
    properties: { token: 'tok', $identified_id: identified, $anon_id: anon },
  })
  const anon = '3f1c2b4a-9d8e-4f7a-8b6c-5d4e3f2a1b0c'

  it('links the anonymous id to the identified id, which becomes canonical', async () => {
    await track(event('Viewed', anon), identify('user_1', anon))
    expect(emu.identities()).toEqual([['user_1', anon]])
    expect(emu.eventsFor('user_1').map((e) => e.event)).toEqual(['Viewed', '$identify'])
    expect(emu.events()[1]?.distinctId).toBe('user_1')
  })

  it('does not relink an anonymous id already merged with another identified id', async () => {
    await track(identify('user_1', anon))
    await track(identify('user_2', anon))
    expect(emu.canonicalId(anon)).toBe('user_1')
    expect(failureOf('$identify')).toEqual([undefined, 'anon_id_already_identified'])
  })

  it('accepts the browser form (distinct_id + $anon_distinct_id)', async () => {
    await track({ event: '$identify', properties: { token: 't', distinct_id: 'user_3', $anon_distinct_id: 'dev-1' } })
    expect(emu.canonicalId('dev-1')).toBe('user_3')
  })

  it('applies the UUIDv4 rule when asked to', async () => {
    const strict = await startEmulator({ port: 0, idMerge: 'original', identity: { requireUuidAnonId: true } })
    try {
      await http(strict.url, '/track', { json: [identify('user_1', 'not-a-uuid'), identify('user_2', anon)] })
      expect(strict.identities()).toEqual([['user_2', anon]])
      expect(strict.events()[0]?.properties['$failure_reason']).toBe('anon_id_not_uuid')
    } finally {
      await strict.stop()
    }
  })
})
