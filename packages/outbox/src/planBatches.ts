import { batchLimits, splitBatches, type Endpoint, type JsonObject } from '@mp/core'
import type { ClaimedRow } from './readClaim.ts'

/** Rows that go out as one request. */
export interface Batch {
  readonly endpoint: Endpoint
  readonly auth: 'token' | 'secret'
  /** Row ids, in the order of `records`. */
  readonly ids: ReadonlyArray<string>
  readonly records: ReadonlyArray<JsonObject>
}

type Sendable = ClaimedRow & { readonly record: JsonObject }

/**
 * Cuts claimed rows (in id order, records already parsed) into requests: grouped by endpoint and
 * auth (together they fix the URL and the credentials), each group split by Mixpanel's limits
 * (`batchSize` records, the endpoint's byte cap), and the batches ordered by their first row, so a
 * sender that sends them one after another sends every row no later than the rows enqueued after it
 * in the same group, and starts each batch in enqueue order.
 * @example
 * planBatches([{ id: '1', endpoint: '/track', auth: 'token', record: r1, bytes: 40 }, { id: '2', endpoint: '/engage', … }], 2000)
 * // [{ endpoint: '/track', auth: 'token', ids: ['1'], records: [r1] }, { endpoint: '/engage', … }]
 */
export const planBatches = (rows: ReadonlyArray<Sendable>, batchSize: number): ReadonlyArray<Batch> => {
  // `at`: the row's place in the claim, so batches of different groups can be put back in enqueue order.
  const groups = new Map<string, Array<{ readonly at: number; readonly bytes: number; readonly row: Sendable }>>()
  rows.forEach((row, at) => {
    const key = `${row.endpoint} ${row.auth}`
    const entry = { at, bytes: row.bytes, row }
    const group = groups.get(key)
    if (group === undefined) groups.set(key, [entry])
    else group.push(entry)
  })
  const batches: Array<{ readonly at: number; readonly batch: Batch }> = []
  for (const group of groups.values()) {
    const { endpoint, auth } = (group[0] as (typeof group)[number]).row
    for (const part of splitBatches(group, { records: batchSize, bytes: batchLimits(endpoint).bytes })) {
      const batch = { endpoint, auth, ids: part.map((e) => e.row.id), records: part.map((e) => e.row.record) }
      batches.push({ at: (part[0] as (typeof part)[number]).at, batch })
    }
  }
  return batches.sort((a, b) => a.at - b.at).map(({ batch }) => batch)
}
