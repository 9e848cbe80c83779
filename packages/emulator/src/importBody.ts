import type { RecordFailure } from './checkEventLimits.ts'

/** A failed record as strict `/import` reports it. */
export interface FailedRecord extends RecordFailure {
  readonly index: number
  readonly insert_id: string
}

/**
 * Mixpanel's strict `/import` JSON bodies, byte for byte (http-api.md §7.2).
 * @example
 * importBody.ok(2) // '{"code":200,"num_records_imported":2,"status":"OK"}'
 */
export const importBody = {
  ok: (imported: number): string => JSON.stringify({ code: 200, num_records_imported: imported, status: 'OK' }),
  rejected: (imported: number, failed: ReadonlyArray<FailedRecord>): string =>
    JSON.stringify({
      code: 400,
      error: 'some data points in the request failed validation',
      status: 'Bad Request',
      num_records_imported: imported,
      failed_records: failed.map(({ index, insert_id, field, message }) => ({ index, insert_id, field, message })),
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
