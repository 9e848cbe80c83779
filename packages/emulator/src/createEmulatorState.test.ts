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

  it('applies identity events, merges profiles and resolves events through clusters', () => {
    const state = createEmulatorState({})
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
