import type { EmulatorState } from './createEmulatorState.ts'

/**
 * The JSON view served by `GET /_emulator/state`: the identity system (`idMerge`), events, profiles,
 * groups, identity clusters, the identity events the system ignored (with why), stats.
 * @example
 * JSON.parse(stateView(state)).stats.eventsStored // 0
 */
export const stateView = (state: EmulatorState): string =>
  JSON.stringify({
    idMerge: state.idMerge,
    events: state.events(),
    profiles: state.profileStore.snapshot(),
    groups: state.groupStore.snapshot(),
    identities: state.identity.clusters(),
    ignoredIdentityEvents: state.ignoredIdentityEvents(),
    stats: state.stats(),
  })
