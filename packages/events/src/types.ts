/**
 * Who an event is about: `distinctId`, or Simplified ID Merge's `deviceId` (anonymous, e.g. a cookie
 * UUID) and/or `userId` (known, after login); at least one. `distinct_id` is `distinctId ?? userId ??
 * '$device:' + deviceId`, as Mixpanel derives it. The first event with both `deviceId` and `userId`
 * links them on a Simplified project.
 */
export type EventIds =
  | { readonly distinctId: string; readonly deviceId?: string | undefined; readonly userId?: string | undefined }
  | { readonly distinctId?: string | undefined; readonly deviceId: string; readonly userId?: string | undefined }
  | { readonly distinctId?: string | undefined; readonly deviceId?: string | undefined; readonly userId: string }

/** What `track` takes (builders also take the project `token`). */
export type TrackInput = EventIds & {
  readonly event: string
  /** Merged over the default properties; a key given here replaces the default of the same name. */
  readonly properties?: Readonly<Record<string, unknown>> | undefined
  /** Shallow-merged into the top level of the record, e.g. `{ ip: 0 }`. */
  readonly meta?: Readonly<Record<string, unknown>> | undefined
}

/** What `importData` takes: a `track` input plus when the event happened. */
export type ImportInput = TrackInput & {
  /** Seconds since the epoch (milliseconds are recognised, as Mixpanel does, when above 10^10). */
  readonly timestamp: number
}

/** One event for `importEvents`, in Mixpanel's own export format. */
export interface ImportEvent {
  readonly event: string
  /**
   * Must hold `time` and `distinct_id` (or, for a Simplified ID Merge project, `$device_id` and/or
   * `$user_id`, from which Mixpanel derives it); `token` and `$insert_id` are filled in when missing.
   */
  readonly properties: Readonly<Record<string, unknown>>
}

/** Progress after each chunk Mixpanel answered. */
export interface ImportProgress {
  /** Records sent so far (chunks answered, whatever the answer). */
  readonly sent: number
  /** Records Mixpanel reported as imported so far. */
  readonly imported: number
}

/** Options of `importEvents`. */
export interface ImportOptions {
  /** Chunks in flight at once (1–64). Default 4. */
  readonly concurrency?: number | undefined
  /** Called after each chunk; an exception it throws is ignored. */
  readonly onProgress?: ((progress: ImportProgress) => void) | undefined
}

/** What `importEvents` answers when every record was imported. */
export interface ImportReceipt {
  /** Events read from the input. */
  readonly records: number
  /** Records Mixpanel imported. */
  readonly imported: number
  /** Always 0 here: any rejection is a `RecordsRejected` error instead. */
  readonly rejected: number
  /** Requests made to `/import` (one per chunk). */
  readonly chunks: number
  /** HTTP attempts over all chunks, retries included. */
  readonly attempts: number
}
