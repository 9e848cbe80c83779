import { describe, expect, it } from 'vitest'
import { createEventStore, type EventEntry } from './createEventStore.ts'

const entry = (properties: Record<string, unknown>, event = 'E'): EventEntry => ({
  endpoint: '/track',
  event,
  distinctId: String(properties['distinct_id'] ?? ''),
  properties,
})

describe('createEventStore', () => {
  it('deduplicates on (event, distinct_id, time, $insert_id), keeping the newest copy in the first position', () => {
    const store = createEventStore()
    const key = { distinct_id: 'u', time: 1, $insert_id: 'x' }
    expect(store.add(entry({ ...key, v: 1 }))).toBe('stored')
    expect(store.add(entry({ other: true }, 'F'))).toBe('stored')
    expect(store.add(entry({ ...key, v: 2 }))).toBe('duplicate')
    expect(store.list().map((e) => e.properties['v'] ?? e.event)).toEqual([2, 'F'])
  })

  it('treats a different event, id, time or insert id as a different event', () => {
    const store = createEventStore()
    const key = { distinct_id: 'u', time: 1, $insert_id: 'x' }
    store.add(entry(key))
    for (const changed of [entry(key, 'G'), entry({ ...key, distinct_id: 'v' }), entry({ ...key, time: 2 }), entry({ ...key, $insert_id: 'y' })]) {
      expect(store.add(changed)).toBe('stored')
    }
    expect(store.list()).toHaveLength(5)
  })

  it('never deduplicates events without $insert_id; clear() empties it', () => {
    const store = createEventStore()
    expect([store.add(entry({ distinct_id: 'u' })), store.add(entry({ distinct_id: 'u' }))]).toEqual(['stored', 'stored'])
    store.clear()
    expect(store.list()).toEqual([])
  })
})
