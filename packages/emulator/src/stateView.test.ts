import { describe, expect, it } from 'vitest'
import { createEmulatorState } from './createEmulatorState.ts'
import { stateView } from './stateView.ts'

describe('stateView', () => {
  it('serialises the identity system, events, profiles, groups, identities and stats (Original ID Merge)', () => {
    const state = createEmulatorState({ idMerge: 'original' })
    state.ingest('/track', { event: '$create_alias', properties: { token: 't', distinct_id: 'a', alias: 'b' } })
    state.groupStore.put('company/acme', { n: 1 })
    const view = JSON.parse(stateView(state)) as Record<string, unknown>
    expect(view).toMatchObject({
      idMerge: 'original',
      profiles: {},
      groups: { 'company/acme': { n: 1 } },
      identities: [['b', 'a']],
      ignoredIdentityEvents: [],
      stats: { eventsStored: 1 },
    })
    expect(view['events']).toHaveLength(1)
  })

  it('shows, for Simplified ID Merge, the clusters events form and each identity event it ignored, with why', () => {
    const state = createEmulatorState({})
    state.ingest('/track', { event: 'Sign Up', properties: { token: 't', $device_id: 'd1', $user_id: 'u1' } })
    state.ingest('/track', { event: '$create_alias', properties: { token: 't', distinct_id: 'a', alias: 'b' } })
    const view = JSON.parse(stateView(state)) as Record<string, unknown>
    expect(view).toMatchObject({
      idMerge: 'simplified',
      identities: [['u1', '$device:d1']],
      ignoredIdentityEvents: [
        {
          endpoint: '/track',
          event: '$create_alias',
          properties: { token: 't', distinct_id: 'a', alias: 'b' },
          reason: expect.stringContaining('Simplified ID Merge ignores identity events'),
        },
      ],
      stats: { eventsStored: 1 },
    })
  })
})
