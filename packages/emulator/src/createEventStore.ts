/** An event as kept by the store (its canonical id is resolved later, at query time). */
export interface EventEntry {
  readonly endpoint: '/track' | '/import'
  readonly event: string
  readonly properties: Record<string, unknown>
  readonly distinctId: string
}

/** Events deduplicated by (event, distinct_id, time, `$insert_id`). */
export interface EventStore {
  /** Stores `entry`; `'duplicate'` when its dedup key was already stored (the new copy replaces it). */
  add(entry: EventEntry): 'stored' | 'duplicate'
  list(): ReadonlyArray<EventEntry>
  clear(): void
}

const dedupKey = (entry: EventEntry): string | undefined => {
  const insertId = entry.properties['$insert_id']
  // Without an $insert_id an event "will not qualify for the deduplication process" (Mixpanel docs).
  if (insertId === undefined || insertId === null) return undefined
  return JSON.stringify([entry.event, entry.properties['distinct_id'] ?? null, entry.properties['time'] ?? null, insertId])
}

/**
 * An in-memory event store with Mixpanel's `$insert_id` deduplication: the key is (event,
 * distinct_id, time, `$insert_id`), other properties are ignored, and the most recent copy wins
 * while keeping the first copy's position.
 * @example
 * const store = createEventStore()
 * store.add({ endpoint: '/track', event: 'a', distinctId: 'u', properties: { $insert_id: 'x' } }) // 'stored'
 * store.add({ endpoint: '/track', event: 'a', distinctId: 'u', properties: { $insert_id: 'x' } }) // 'duplicate'
 */
export const createEventStore = (): EventStore => {
  const byKey = new Map<string, EventEntry>()
  let unkeyed = 0
  return {
    add: (entry) => {
      const key = dedupKey(entry) ?? `unkeyed:${unkeyed++}`
      const duplicate = byKey.has(key)
      byKey.set(key, entry)
      return duplicate ? 'duplicate' : 'stored'
    },
    list: () => [...byKey.values()],
    clear: () => {
      byKey.clear()
      unkeyed = 0
    },
  }
}
