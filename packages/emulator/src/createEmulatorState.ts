import { createEventStore, type EventEntry } from './createEventStore.ts'
import { createFaultPlan } from './createFaultPlan.ts'
import { createIdentityGraph, type LinkOutcome } from './createIdentityGraph.ts'
import { createProfileStore } from './createProfileStore.ts'
import { createSimplifiedIdentity } from './createSimplifiedIdentity.ts'
import { isIdentityEvent } from './isIdentityEvent.ts'
import { linkIdentityEvent } from './linkIdentityEvent.ts'
import type { ParsedRequest } from './parseRequest.ts'
import type { EmulatorCredentials, EmulatorOptions, EmulatorStats, IdMerge, IgnoredIdentityEvent, ReceivedRequest, StoredEvent } from './types.ts'

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/** A request log entry, completed once the answer is known. */
export type LogEntry = Mutable<ReceivedRequest>

/** What both identity systems answer about their clusters. */
export interface IdentityView {
  canonicalId(id: string): string
  clusters(): ReadonlyArray<ReadonlyArray<string>>
  clear(): void
}

/** Everything the emulator holds, with the operations the routes and the public API need. */
export interface EmulatorState {
  readonly now: () => number
  readonly idMerge: IdMerge
  readonly credentials: EmulatorCredentials | undefined
  readonly maxRecords: number
  readonly maxBytes: number
  readonly faults: ReturnType<typeof createFaultPlan>
  /** The clusters of the project's identity system. */
  readonly identity: IdentityView
  readonly profileStore: ReturnType<typeof createProfileStore>
  readonly groupStore: ReturnType<typeof createProfileStore>
  flagDefinitions: ReadonlyArray<unknown>
  readonly evaluate: ((definition: unknown, context: Record<string, unknown>) => unknown | null) | undefined
  /**
   * Stores one valid event, applying its identity rules first; `$ignore` events are dropped. Simplified
   * ID Merge ignores identity events: `'ignored'` on `/track`, `'refused'` on `/import` (which must say
   * so), both listed by `ignoredIdentityEvents`.
   */
  ingest(endpoint: '/track' | '/import', record: Record<string, unknown>): 'stored' | 'duplicate' | 'ignored' | 'refused'
  /** Joins two profiles when an identity link joined two clusters. */
  applyLink(outcome: LinkOutcome): void
  /** Where `/engage` keeps the profile of `id`: Original ID Merge, its cluster's canonical id; Simplified, `id` itself. */
  profileKey(id: string): string
  ignoredIdentityEvents(): ReadonlyArray<IgnoredIdentityEvent>
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

// Why Simplified ID Merge ignored an identity event, by the endpoint it came to (identity-systems.md §1).
const IGNORED_BECAUSE = {
  '/track': 'Simplified ID Merge ignores identity events: /track answers 1 and links nothing; an event carrying both $device_id and $user_id links them',
  '/import': 'Simplified ID Merge refuses identity events on /import (failed_records: "identity events are not allowed…"); an event carrying both $device_id and $user_id links them',
} as const

const annotate = (properties: Record<string, unknown>, outcome: LinkOutcome | undefined): Record<string, unknown> =>
  outcome === undefined || outcome.ok
    ? properties
    : { ...properties, $failure_reason: outcome.reason, $failure_description: outcome.description }

/**
 * Creates the emulator's state: event, profile and group stores, the identity system (Simplified ID
 * Merge unless `options.idMerge` is `'original'`), the request log, counters, flag definitions and
 * the fault plan.
 * @example
 * const state = createEmulatorState({})
 * state.ingest('/track', { event: 'a', properties: { token: 't', distinct_id: 'u' } }) // 'stored'
 */
export const createEmulatorState = (options: EmulatorOptions): EmulatorState => {
  const eventStore = createEventStore()
  const idMerge: IdMerge = options.idMerge === 'original' ? 'original' : 'simplified'
  const original = createIdentityGraph(
    options.identity?.requireUuidAnonId === undefined ? {} : { requireUuidAnonId: options.identity.requireUuidAnonId },
  )
  const simplified = createSimplifiedIdentity()
  const identity: IdentityView = idMerge === 'original' ? original : simplified
  let ignored: Array<IgnoredIdentityEvent> = []
  const profileStore = createProfileStore()
  const groupStore = createProfileStore()
  const faults = createFaultPlan()
  let log: Array<LogEntry> = []
  let duplicates = 0

  // Resolved at query time, so a link made later re-keys earlier events (both systems are retroactive).
  const toStored = (entry: EventEntry): StoredEvent => {
    const canonicalId = identity.canonicalId(entry.distinctId)
    const properties = structuredClone(entry.properties)
    if (idMerge === 'simplified' && canonicalId !== entry.distinctId) properties['$distinct_id_before_identity'] = entry.distinctId
    return { endpoint: entry.endpoint, event: entry.event, properties, distinctId: entry.distinctId, canonicalId }
  }

  const store = (endpoint: '/track' | '/import', event: string, properties: Record<string, unknown>, distinctId: string): 'stored' | 'duplicate' => {
    const result = eventStore.add({ endpoint, event, properties: structuredClone(properties), distinctId })
    if (result === 'duplicate') duplicates += 1
    return result
  }

  const ingestSimplified = (endpoint: '/track' | '/import', event: string, properties: Record<string, unknown>): 'stored' | 'duplicate' | 'ignored' | 'refused' => {
    if (isIdentityEvent(event)) {
      ignored.push({ endpoint, event, properties: structuredClone(properties), reason: IGNORED_BECAUSE[endpoint] })
      return endpoint === '/import' ? 'refused' : 'ignored'
    }
    const { distinctId, failure } = simplified.ingest(properties)
    const kept: Record<string, unknown> = { ...properties }
    // Mixpanel replaces a sent distinct_id by the one it derives from $user_id / $device_id; one sent alone stays as it came.
    if (distinctId !== undefined && distinctId !== String(properties['distinct_id'])) kept['distinct_id'] = distinctId
    if (failure !== undefined) kept['$identity_failure_reason'] = failure
    return store(endpoint, event, kept, distinctId ?? '')
  }

  const state: EmulatorState = {
    now: options.now ?? Date.now,
    idMerge,
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
    profileKey: (id) => (idMerge === 'original' ? original.canonicalId(id) : id),
    ignoredIdentityEvents: () => structuredClone(ignored),
    ingest: (endpoint, record) => {
      const event = String(record['event'])
      const properties = (record['properties'] ?? {}) as Record<string, unknown>
      // "When this property is present on an event, the ingestion API silently drops it."
      if (properties['$ignore'] !== undefined) return 'ignored'
      if (idMerge === 'simplified') return ingestSimplified(endpoint, event, properties)
      const outcome = linkIdentityEvent(original, endpoint, event, properties)
      if (outcome !== undefined) state.applyLink(outcome)
      return store(endpoint, event, annotate(properties, outcome), distinctIdOf(event, properties))
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
      original.clear()
      simplified.clear()
      ignored = []
      profileStore.clear()
      groupStore.clear()
      faults.clear()
      log = []
      duplicates = 0
    },
  }
  return state
}

