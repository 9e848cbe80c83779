import type { EmulatorState } from './createEmulatorState.ts'

/**
 * The JSON view served by `GET /_emulator/state`: events, profiles, groups, identity clusters, stats.
 * @example
 * JSON.parse(stateView(state)).stats.eventsStored // 0
 */
export const stateView = (state: EmulatorState): string =>
  JSON.stringify({
    events: state.events(),
    profiles: state.profileStore.snapshot(),
    groups: state.groupStore.snapshot(),
    identities: state.identity.clusters(),
    stats: state.stats(),
  })
