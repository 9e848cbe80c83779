/** Expected credentials for `/import` (and the flag routes). */
export interface EmulatorCredentials {
  readonly token?: string
  /** Accepted as Basic `base64(secret:)`. */
  readonly apiSecret?: string
  /** Accepted as Basic `base64(username:secret)` together with `?project_id=`. */
  readonly serviceAccount?: { readonly username: string; readonly secret: string; readonly projectId: string }
}

/** A project's identity system: Simplified ID Merge (Mixpanel's default since April 2024) or Original ID Merge. */
export type IdMerge = 'simplified' | 'original'

/** An identity event the project's identity system ignored, and why. */
export interface IgnoredIdentityEvent {
  readonly endpoint: '/track' | '/import'
  readonly event: string
  readonly properties: Record<string, unknown>
  readonly reason: string
}

/** Options of {@link Emulator}: everything is optional. */
export interface EmulatorOptions {
  /** Default 0: a free port chosen by the system. */
  readonly port?: number
  /** Default `127.0.0.1`. */
  readonly host?: string
  /** Clock (ms since epoch) for the time windows: `/track` 5 days, `/import` 1971-01-01 .. now + 1 h. */
  readonly now?: () => number
  /** What `/import` accepts. Omitted: any non-empty Basic credential passes; no `Authorization` is a 401. */
  readonly credentials?: EmulatorCredentials
  /** Per request; defaults 2000 records and 10 MB uncompressed. Over either limit the answer is 413. */
  readonly limits?: { readonly maxRecords?: number; readonly maxBytes?: number }
  readonly flags?: {
    readonly definitions: ReadonlyArray<unknown>
    readonly evaluate?: (definition: unknown, context: Record<string, unknown>) => unknown | null
  }
  /**
   * The identity system of the emulated project; default `'simplified'`, what a new Mixpanel project
   * gets. `'simplified'`: ids are linked by events carrying both `$device_id` and `$user_id`;
   * `$create_alias`, `$merge` and `$identify` are answered as Mixpanel answers them there (`1` on
   * `/track`, a 400 on strict `/import`) and change nothing. `'original'`: the three verbs link ids.
   */
  readonly idMerge?: IdMerge
  /**
   * Original ID Merge rules. `requireUuidAnonId` (default false) applies Original ID Merge's rule that `$identify`
   * links only a UUIDv4 `$anon_id`; off by default because server-side callers pass whatever id they had.
   */
  readonly identity?: { readonly requireUuidAnonId?: boolean }
}

/** An event kept after `$insert_id` deduplication. */
export interface StoredEvent {
  readonly endpoint: '/track' | '/import'
  readonly event: string
  /**
   * As sent (token included). Original ID Merge adds `$failure_reason`/`$failure_description` when an
   * identity event was refused. Simplified ID Merge sets `distinct_id` to the one it derives from
   * `$user_id`/`$device_id`, adds `$identity_failure_reason` when a link was refused, and, once the
   * event resolves to another id, `$distinct_id_before_identity`.
   */
  readonly properties: Record<string, unknown>
  /** The distinct id the event was stored with (never rewritten). */
  readonly distinctId: string
  /** `distinctId` resolved through the identity clusters at query time. */
  readonly canonicalId: string
}

/** One HTTP request as the emulator saw it. */
export interface ReceivedRequest {
  readonly method: string
  /** Without query; trailing slash removed. */
  readonly path: string
  /** Query and form fields merged (`data` excluded). */
  readonly query: Readonly<Record<string, string>>
  /** Lower-case names, raw values. */
  readonly headers: Readonly<Record<string, string>>
  readonly encoding: 'json' | 'ndjson' | 'form' | 'form-base64' | 'get'
  readonly gzip: boolean
  readonly records: ReadonlyArray<Record<string, unknown>>
  readonly status: number
  /** Body sent back; `''` when the connection was reset or left hanging. */
  readonly response: string
  readonly fault?: Fault['kind']
}

/** A failure the emulator can inject into a request. */
export type Fault =
  | { readonly kind: 'status'; readonly status: number; readonly retryAfter?: string; readonly body?: string }
  | { readonly kind: 'hang' }
  | { readonly kind: 'reset'; readonly when: 'before' | 'after' }
  | { readonly kind: 'latency'; readonly ms: number }

/** Restricts a fault to requests on one path (`/track`, `/import`, …; trailing slash ignored). */
export interface FaultMatch {
  readonly path?: string
}

/** Counters over everything received since start or the last `reset()`. */
export interface EmulatorStats {
  /** Requests logged (every route but `/_emulator/*`), faulted ones included. */
  readonly requests: number
  /** Records decoded from those requests, faulted ones included. */
  readonly recordsReceived: number
  readonly eventsStored: number
  /** Events received whose dedup key (event, distinct_id, time, `$insert_id`) was already stored. */
  readonly duplicates: number
}

/** The running emulator: its address, its state, and fault injection. */
export interface Emulator {
  readonly url: string
  /** The identity system it emulates. */
  readonly idMerge: IdMerge
  stop(): Promise<void>
  /** Clears stored data, the request log and faults. */
  reset(): void
  setFlagDefinitions(defs: ReadonlyArray<unknown>): void

  events(): ReadonlyArray<StoredEvent>
  eventsFor(id: string): ReadonlyArray<StoredEvent>
  profiles(): Readonly<Record<string, Record<string, unknown>>>
  profile(id: string): Record<string, unknown> | undefined
  groups(): Readonly<Record<string, Record<string, unknown>>>
  group(groupKey: string, groupId: string): Record<string, unknown> | undefined
  /** Identity clusters of two or more ids, canonical id first (Simplified: the user, then its `$device:` ids). */
  identities(): ReadonlyArray<ReadonlyArray<string>>
  canonicalId(id: string): string
  /** Identity events the project's system ignored (Simplified ID Merge: every `$create_alias`, `$merge`, `$identify`), with why. */
  ignoredIdentityEvents(): ReadonlyArray<IgnoredIdentityEvent>
  requests(): ReadonlyArray<ReceivedRequest>
  stats(): EmulatorStats

  readonly faults: {
    /** The next `count` matching requests get `fault` (`Infinity`: all of them until `clear()`). */
    next(count: number, fault: Fault, match?: FaultMatch): void
    /** Each matching request gets a fault drawn with a PRNG seeded by `seed` (reproducible). */
    random(options: {
      readonly seed: number
      readonly faults: ReadonlyArray<{ readonly fault: Fault; readonly probability: number }>
      readonly match?: FaultMatch
    }): void
    clear(): void
  }
}
