import { describe, expect, it } from 'vitest'
import { createEmulatorState } from './createEmulatorState.ts'
import { stateView } from './stateView.ts'

describe('stateView', () => {
  it('serialises events, profiles, groups, identities and stats', () => {
    const state = createEmulatorState({})
    state.ingest('/track', { event: '$create_alias', properties: { token: 't', distinct_id: 'a', alias: 'b' } })
    state.groupStore.put('company/acme', { n: 1 })
    const view = JSON.parse(stateView(state)) as Record<string, unknown>
    expect(view).toMatchObject({ profiles: {}, groups: { 'company/acme': { n: 1 } }, identities: [['b', 'a']], stats: { eventsStored: 1 } })
    expect(view['events']).toHaveLength(1)
  })
})
