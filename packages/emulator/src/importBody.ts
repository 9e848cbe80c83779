import type { RecordFailure } from './checkEventLimits.ts'

/** A failed record as strict `/import` reports it. */
export interface FailedRecord extends RecordFailure {
  readonly index: number
  readonly insert_id: string
}

/**
 * What strict `/import` puts in `failed_records` for an identity event sent to a Simplified ID Merge
 * project: a bare string, not a record object (observed live; identity-systems.md §1).
 */
export const IDENTITY_EVENTS_REFUSED = 'identity events are not allowed when project is using simplified identity management'

/**
 * Mixpanel's strict `/import` JSON bodies, byte for byte (http-api.md §7.2).
 * @example
 * importBody.ok(2) // '{"code":200,"num_records_imported":2,"status":"OK"}'
 */
export const importBody = {
  ok: (imported: number): string => JSON.stringify({ code: 200, num_records_imported: imported, status: 'OK' }),
  rejected: (imported: number, failed: ReadonlyArray<FailedRecord | string>): string =>
    JSON.stringify({
      code: 400,
      error: 'some data points in the request failed validation',
      status: 'Bad Request',
      num_records_imported: imported,
      failed_records: failed.map((f) => (typeof f === 'string' ? f : { index: f.index, insert_id: f.insert_id, field: f.field, message: f.message })),
    }),
  badRequest: (error: string): string => JSON.stringify({ code: 400, error, status: 'Bad Request' }),
  unauthorized: (): string => JSON.stringify({ code: 401, error: 'Invalid credentials', status: 'Unauthorized' }),
  tooLarge: (maxBytes: number): string =>
    JSON.stringify({ code: 413, error: `request exceeds max limit of ${maxBytes} bytes`, status: 'Request Entity Too Large' }),
  rateLimited: (): string =>
    JSON.stringify({
      code: 429,
      error: 'Project exceeded rate limits. Please retry the request with exponential backoff.',
      status: 'Too Many Requests',
    }),
} as const
