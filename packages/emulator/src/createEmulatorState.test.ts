import { describe, expect, it } from 'vitest'
import { createEmulatorState } from './createEmulatorState.ts'
import { jsonRequest } from './test-request.ts'

const ev = (event: string, properties: Record<string, unknown>) => ({ event, properties: { token: 't', ...properties } })

describe('createEmulatorState', () => {
  it('has the documented defaults', () => {
    const state = createEmulatorState({})
    expect([state.maxRecords, state.maxBytes, state.credentials, state.flagDefinitions]).toEqual([2000, 10_485_760, undefined, []])
  })

  it('ingests events, counting duplicates and dropping $ignore', () => {
    const state = createEmulatorState({})
    const dup = ev('A', { distinct_id: 'u', $insert_id: 'x', time: 1 })
    expect([state.ingest('/track', dup), state.ingest('/import', dup), state.ingest('/track', ev('B', { $ignore: 1 }))]).toEqual([
      'stored',
      'duplicate',
      'ignored',
    ])
    expect(state.events()).toEqual([{ endpoint: '/import', event: 'A', properties: dup.properties, distinctId: 'u', canonicalId: 'u' }])
    expect(state.stats()).toMatchObject({ eventsStored: 1, duplicates: 1 })
  })

  it('emulates Simplified ID Merge unless told otherwise', () => {
    expect([createEmulatorState({}).idMerge, createEmulatorState({ idMerge: 'original' }).idMerge]).toEqual(['simplified', 'original'])
    expect(createEmulatorState({ idMerge: 'v3' as never }).idMerge).toBe('simplified')
  })

  it('Original ID Merge: applies identity events, merges profiles and resolves events through clusters', () => {
    const state = createEmulatorState({ idMerge: 'original' })
    state.profileStore.put('anon-1', { a: 1 })
    state.ingest('/track', ev('Viewed', { distinct_id: 'anon-1' }))
    state.ingest('/track', ev('$create_alias', { distinct_id: 'anon-1', alias: 'user' }))
    expect(state.profileStore.snapshot()).toEqual({ user: { a: 1 } })
    expect(state.eventsFor('user').map((e) => [e.event, e.canonicalId])).toEqual([
      ['Viewed', 'user'],
      ['$create_alias', 'user'],
    ])
    expect(state.eventsFor('nobody')).toEqual([])
  })

  it('Simplified ID Merge: derives distinct_id, links on device + user, keys profiles by their own id, ignores verbs', () => {
    const state = createEmulatorState({})
    state.profileStore.put('$device:d1', { a: 1 })
    expect(state.ingest('/track', ev('Viewed', { $device_id: 'd1' }))).toBe('stored')
    expect(state.ingest('/track', ev('Sign Up', { distinct_id: 'u1', $device_id: 'd1', $user_id: 'u1' }))).toBe('stored')
    expect(state.ingest('/track', ev('$create_alias', { distinct_id: 'u1', alias: 'x' }))).toBe('ignored')
    expect(state.ingest('/import', ev('$merge', { $distinct_ids: ['u1', 'x'] }))).toBe('refused')
    expect(state.events()).toEqual([
      { endpoint: '/track', event: 'Viewed', properties: { token: 't', $device_id: 'd1', distinct_id: '$device:d1', $distinct_id_before_identity: '$device:d1' }, distinctId: '$device:d1', canonicalId: 'u1' },
      { endpoint: '/track', event: 'Sign Up', properties: { token: 't', distinct_id: 'u1', $device_id: 'd1', $user_id: 'u1' }, distinctId: 'u1', canonicalId: 'u1' },
    ])
    expect([state.profileKey('$device:d1'), state.profileStore.snapshot()]).toEqual(['$device:d1', { '$device:d1': { a: 1 } }])
    expect(state.ignoredIdentityEvents().map((e) => [e.endpoint, e.event])).toEqual([
      ['/track', '$create_alias'],
      ['/import', '$merge'],
    ])
    state.reset()
    expect([state.identity.clusters(), state.ignoredIdentityEvents()]).toEqual([[], []])
  })

  it('logs requests and resets everything', () => {
    const state = createEmulatorState({})
    const entry = state.logRequest(jsonRequest('POST', '/track', [{ event: 'a' }]))
    entry.status = 200
    expect(state.requests()).toMatchObject([{ path: '/track', status: 200, records: [{ event: 'a' }], encoding: 'json' }])
    expect(state.stats()).toMatchObject({ requests: 1, recordsReceived: 1 })
    state.ingest('/track', ev('A', { distinct_id: 'u' }))
    state.reset()
    expect([state.requests(), state.events(), state.stats()]).toEqual([
      [],
      [],
      { requests: 0, recordsReceived: 0, eventsStored: 0, duplicates: 0 },
    ])
  })
})
