/** Property maps keyed by an id (the canonical id of an identity cluster, or a group key). */
export interface ProfileStore {
  get(key: string): Record<string, unknown> | undefined
  /** `undefined` deletes. */
  put(key: string, properties: Record<string, unknown> | undefined): void
  /**
   * Moves the profiles of two joined clusters under `canonical`: the union of both, `winner`'s value
   * on conflict.
   */
  join(join: { readonly canonical: string; readonly winner: string; readonly loser: string }): void
  snapshot(): Readonly<Record<string, Record<string, unknown>>>
  clear(): void
}

const copy = (value: Record<string, unknown>): Record<string, unknown> => structuredClone(value)

/**
 * An in-memory profile store whose reads and snapshots are copies, so callers cannot change state.
 * @example
 * const store = createProfileStore()
 * store.put('a', { x: 1 })
 * store.put('b', { x: 2, y: 3 })
 * store.join({ canonical: 'b', winner: 'b', loser: 'a' })
 * store.get('b') // { x: 2, y: 3 }
 */
export const createProfileStore = (): ProfileStore => {
  const byKey = new Map<string, Record<string, unknown>>()
  return {
    get: (key) => {
      const found = byKey.get(key)
      return found === undefined ? undefined : copy(found)
    },
    put: (key, properties) => {
      if (properties === undefined) byKey.delete(key)
      else byKey.set(key, copy(properties))
    },
    join: ({ canonical, winner, loser }) => {
      const winning = byKey.get(winner)
      const losing = byKey.get(loser)
      byKey.delete(winner)
      byKey.delete(loser)
      if (winning === undefined && losing === undefined) return
      byKey.set(canonical, { ...losing, ...winning })
    },
    snapshot: () => Object.fromEntries([...byKey].map(([key, value]) => [key, copy(value)])),
    clear: () => byKey.clear(),
  }
}
