/** A JSON value exactly as it goes on the wire. */
export type JsonValue = string | number | boolean | null | JsonArray | JsonObject

/** A JSON array. */
export type JsonArray = ReadonlyArray<JsonValue>

/** A JSON object. */
export interface JsonObject {
  readonly [key: string]: JsonValue
}

/** The four ingestion endpoints Mixpanel exposes. */
export type Endpoint = '/track' | '/import' | '/engage' | '/groups'

/**
 * The request descriptor: plain, readonly, JSON-serialisable data that says what to send.
 * `records` are exactly what goes on the wire; `auth: 'secret'` needs `apiSecret` or
 * `serviceAccount` in the config (`/import`, `$merge`).
 */
export interface MixpanelRequest {
  readonly endpoint: Endpoint
  readonly records: ReadonlyArray<JsonObject>
  readonly auth: 'token' | 'secret'
  /** Optional: UTF-8 bytes of each record's JSON, same order as `records`, when the builder already measured them (the queue then skips re-measuring). */
  readonly bytes?: ReadonlyArray<number>
}

/** The two feature-flag read endpoints. */
export type FlagsPath = '/flags' | '/flags/definitions'

/**
 * A read request to the feature-flag API (`GET`). `query` holds the parameters besides `token`
 * and `project_id`, which `send` adds from the config.
 */
export interface FlagsRequest {
  readonly path: FlagsPath
  readonly query: Readonly<Record<string, string>>
}

/** Where builders get time and insert ids from. Both are optional; see `resolveEnv`. */
export interface BuildEnv {
  /** Milliseconds since the epoch. */
  readonly now?: () => number
  /** A fresh `$insert_id`: at most 36 characters of `[A-Za-z0-9-]`. */
  readonly insertId?: () => string
}

/** What `send` answers when Mixpanel accepted a request. */
export interface Receipt {
  readonly endpoint: Endpoint
  /** Records sent (after any 413 split, the sum over the parts). */
  readonly records: number
  /** HTTP attempts made, retries and split parts included. */
  readonly attempts: number
  /** For `/import`: records Mixpanel reported as imported. */
  readonly imported?: number
}
