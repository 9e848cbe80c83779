import type { Endpoint } from './types.ts'

/** Records per request Mixpanel accepts on every ingestion endpoint (was 50 until 2023; mixpanel-python still caps at 50). */
export const MAX_BATCH_RECORDS = 2000

/** Mixpanel's limit for one record, as uncompressed JSON. */
export const MAX_RECORD_BYTES = 1_000_000

// /import documents 10 MB per request (uncompressed; gzip does not buy room). We stop well short
// of both readings of "10 MB" (10 000 000 and 10 485 760) so a batch never meets a 413.
const IMPORT_MAX_BYTES = 9_500_000

// /track, /engage and /groups document no request size; the only figure published anywhere is
// 2 MB for all endpoints. 1.9 MB stays under both 2 000 000 and 2 097 152 and still fits any
// single record (1 MB at most), so a batch of one always goes through.
const OTHER_MAX_BYTES = 1_900_000

/**
 * The most records and bytes (UTF-8 of the JSON array) one batch may carry on an endpoint.
 * @example
 * batchLimits('/import') // { records: 2000, bytes: 9500000 }
 */
export const batchLimits = (endpoint: Endpoint): { readonly records: number; readonly bytes: number } => ({
  records: MAX_BATCH_RECORDS,
  bytes: endpoint === '/import' ? IMPORT_MAX_BYTES : OTHER_MAX_BYTES,
})
