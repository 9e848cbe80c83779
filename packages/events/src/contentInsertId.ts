import type { JsonObject } from '@mp/core'
import { canonicalJson } from './canonicalJson.ts'
import { sha256Hex } from './sha256Hex.ts'

/**
 * A deterministic `$insert_id` for an event without one: the first 32 hex digits of
 * SHA-256 over the canonical JSON (keys sorted, no spaces) of `[event, properties]`, leaving out
 * `token` and `$insert_id`. The same event always gets the same id, so importing a file twice
 * stores each event once (Mixpanel deduplicates on event, distinct_id, time and `$insert_id`).
 * @example
 * contentInsertId('signup', { distinct_id: 'u1', time: 1700000000 }) // 32 lowercase hex digits, always the same
 */
export const contentInsertId = (event: string, properties: JsonObject): string => {
  const content: Record<string, JsonObject[string]> = {}
  for (const key of Object.keys(properties)) {
    if (key === 'token' || key === '$insert_id') continue
    const value = properties[key]
    if (value !== undefined) Object.defineProperty(content, key, { value, enumerable: true, writable: true, configurable: true })
  }
  return sha256Hex(canonicalJson([event, content])).slice(0, 32)
}
