import type { JsonObject } from '@mp/core'
import { canonicalJson } from './canonicalJson.ts'
import { sha256Hex } from './sha256Hex.ts'

const LEFT_OUT: ReadonlyArray<string> = ['token', '$insert_id']

/**
 * A deterministic `$insert_id` for an event without one: the first 32 hex digits of
 * SHA-256 over the canonical JSON (keys sorted, no spaces) of `[event, properties]`, leaving out
 * `token` and `$insert_id`. The same event always gets the same id, so importing a file twice
 * stores each event once (Mixpanel deduplicates on event, distinct_id, time and `$insert_id`).
 * Async because the platform's SHA-256 (Web Crypto) is.
 * @example
 * await contentInsertId('signup', { distinct_id: 'u1', time: 1700000000 }) // 32 lowercase hex digits, always the same
 */
export const contentInsertId = async (event: string, properties: JsonObject): Promise<string> =>
  // The same text as canonicalJson([event, properties without those keys]), without copying them.
  (await sha256Hex(`[${JSON.stringify(event)},${canonicalJson(properties, LEFT_OUT)}]`)).slice(0, 32)
