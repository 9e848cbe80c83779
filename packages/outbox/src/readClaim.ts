import type { Endpoint, JsonObject } from '@mp/core'
import type { Rows } from './runQuery.ts'

/** One claimed row, its record parsed back from the stored JSON. */
export interface ClaimedRow {
  /** The bigserial id, as decimal text (drivers differ on how they give a bigint). */
  readonly id: string
  readonly endpoint: Endpoint
  readonly auth: 'token' | 'secret'
  /** `undefined` when the stored JSON is not an object (a row written by hand): it is dead-lettered, never sent. */
  readonly record: JsonObject | undefined
  /** UTF-8 bytes of the record's JSON. */
  readonly bytes: number
}

const ENDPOINTS: ReadonlyArray<unknown> = ['/track', '/import', '/engage', '/groups']

const parseRecord = (text: unknown): JsonObject | undefined => {
  if (typeof text !== 'string') return undefined
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined
  } catch {
    return undefined
  }
}

/** Orders decimal ids numerically without converting them (they may exceed 2^53). */
const byId = (a: ClaimedRow, b: ClaimedRow): number => a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * Reads the rows a claim answered into typed rows in id (enqueue) order: `UPDATE … RETURNING`
 * promises no order. A row whose endpoint or auth is not one the schema allows cannot occur (the
 * table's CHECK constraints), but would be read with its record `undefined`, so it is dead-lettered.
 * @example
 * readClaim([{ id: '12', endpoint: '/track', auth: 'token', record: '{"event":"e"}', bytes: 13 }])
 * // [{ id: '12', endpoint: '/track', auth: 'token', record: { event: 'e' }, bytes: 13 }]
 */
export const readClaim = (rows: Rows): ReadonlyArray<ClaimedRow> =>
  rows
    .map((row): ClaimedRow => {
      const endpoint = row['endpoint']
      const auth = row['auth']
      const known = ENDPOINTS.includes(endpoint) && (auth === 'token' || auth === 'secret')
      return {
        id: String(row['id']),
        endpoint: (known ? endpoint : '/track') as Endpoint,
        auth: known ? (auth as 'token' | 'secret') : 'token',
        record: known ? parseRecord(row['record']) : undefined,
        bytes: Number(row['bytes']) || 0,
      }
    })
    .sort(byId)
