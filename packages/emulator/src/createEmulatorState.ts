import { createEventStore, type EventEntry } from './createEventStore.ts'
import { createFaultPlan } from './createFaultPlan.ts'
import { createIdentityGraph, type LinkOutcome } from './createIdentityGraph.ts'
import { createProfileStore } from './createProfileStore.ts'
import { linkIdentityEvent } from './linkIdentityEvent.ts'
import type { ParsedRequest } from './parseRequest.ts'
import type { EmulatorCredentials, EmulatorOptions, EmulatorStats, ReceivedRequest, StoredEvent } from './types.ts'

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/** A request log entry, completed once the answer is known. */
export type LogEntry = Mutable<ReceivedRequest>

/** Everything the emulator holds, with the operations the routes and the public API need. */
export interface EmulatorState {
  readonly now: () => number
  readonly credentials: EmulatorCredentials | undefined
  readonly maxRecords: number
  readonly maxBytes: number
  readonly faults: ReturnType<typeof createFaultPlan>
  readonly identity: ReturnType<typeof createIdentityGraph>
  readonly profileStore: ReturnType<typeof createProfileStore>
  readonly groupStore: ReturnType<typeof createProfileStore>
  flagDefinitions: ReadonlyArray<unknown>
  readonly evaluate: ((definition: unknown, context: Record<string, unknown>) => unknown | null) | undefined
  /** Stores one valid event (applying identity events first); `$ignore` events are dropped. */
  ingest(endpoint: '/track' | '/import', record: Record<string, unknown>): 'stored' | 'duplicate' | 'ignored'
  /** Joins two profiles when an identity link joined two clusters. */
  applyLink(outcome: LinkOutcome): void
  logRequest(request: ParsedRequest): LogEntry
  events(): ReadonlyArray<StoredEvent>
  eventsFor(id: string): ReadonlyArray<StoredEvent>
  requests(): ReadonlyArray<ReceivedRequest>
  stats(): EmulatorStats
  reset(): void
}

const distinctIdOf = (event: string, properties: Record<string, unknown>): string => {
  // Identity events may omit distinct_id: `$identify` is inferred from $identified_id, `$merge` is
  // attributed to its first id.
  const implied =
    event === '$identify'
      ? properties['$identified_id']
      : event === '$merge' && Array.isArray(properties['$distinct_ids'])
        ? (properties['$distinct_ids'] as ReadonlyArray<unknown>)[0]
        : undefined
  const id = properties['distinct_id'] ?? implied
  return typeof id === 'string' || typeof id === 'number' ? String(id) : ''
}

const annotate = (properties: Record<string, unknown>, outcome: LinkOutcome | undefined): Record<string, unknown> =>
  outcome === undefined || outcome.ok
    ? properties
    : { ...properties, $failure_reason: outcome.reason, $failure_description: outcome.description }

/**
 * Creates the emulator's state: event, profile and group stores, the identity graph, the request
 * log, counters, flag definitions and the fault plan.
 * @example
 * const state = createEmulatorState({})
 * state.ingest('/track', { event: 'a', properties: { token: 't', distinct_id: 'u' } }) // 'stored'
 */
export const createEmulatorState = (options: EmulatorOptions): EmulatorState => {
  const eventStore = createEventStore()
  const identity = createIdentityGraph(
    options.identity?.requireUuidAnonId === undefined ? {} : { requireUuidAnonId: options.identity.requireUuidAnonId },
  )
  const profileStore = createProfileStore()
  const groupStore = createProfileStore()
  const faults = createFaultPlan()
  let log: Array<LogEntry> = []
  let duplicates = 0

  const toStored = (entry: EventEntry): StoredEvent => ({
    endpoint: entry.endpoint,
    event: entry.event,
    properties: structuredClone(entry.properties),
    distinctId: entry.distinctId,
    canonicalId: identity.canonicalId(entry.distinctId),
  })

  const state: EmulatorState = {
    now: options.now ?? Date.now,
    credentials: options.credentials,
    maxRecords: options.limits?.maxRecords ?? 2000,
    maxBytes: options.limits?.maxBytes ?? 10 * 1024 * 1024,
    faults,
    identity,
    profileStore,
    groupStore,
    flagDefinitions: Array.isArray(options.flags?.definitions) ? [...options.flags.definitions] : [],
    evaluate: options.flags?.evaluate,
    applyLink: (outcome) => {
      if (outcome.ok && outcome.join !== undefined) profileStore.join(outcome.join)
    },
    ingest: (endpoint, record) => {
      const event = String(record['event'])
      const properties = (record['properties'] ?? {}) as Record<string, unknown>
      // "When this property is present on an event, the ingestion API silently drops it."
      if (properties['$ignore'] !== undefined) return 'ignored'
      const outcome = linkIdentityEvent(identity, endpoint, event, properties)
      if (outcome !== undefined) state.applyLink(outcome)
      const result = eventStore.add({
        endpoint,
        event,
        properties: structuredClone(annotate(properties, outcome)),
        distinctId: distinctIdOf(event, properties),
      })
      if (result === 'duplicate') duplicates += 1
      return result
    },
    logRequest: (request) => {
      const entry: LogEntry = {
        method: request.method,
        path: request.path,
        query: request.query,
        headers: request.headers,
        encoding: request.method === 'GET' ? 'get' : request.body.encoding,
        gzip: request.body.gzip,
        records: request.body.ok ? request.body.records : [],
        status: 0,
        response: '',
      }
      log.push(entry)
      return entry
    },
    events: () => eventStore.list().map(toStored),
    eventsFor: (id) => {
      const canonical = identity.canonicalId(id)
      return eventStore
        .list()
        .filter((entry) => identity.canonicalId(entry.distinctId) === canonical)
        .map(toStored)
    },
    requests: () => log.map((entry) => ({ ...entry })),
    stats: () => ({
      requests: log.length,
      recordsReceived: log.reduce((sum, entry) => sum + entry.records.length, 0),
      eventsStored: eventStore.list().length,
      duplicates,
    }),
    reset: () => {
      eventStore.clear()
      identity.clear()
      profileStore.clear()
      groupStore.clear()
      faults.clear()
      log = []
      duplicates = 0
    },
  }
  return state
}

