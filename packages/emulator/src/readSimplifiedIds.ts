import { isId } from './isId.ts'

const DEVICE = '$device:'

/** An event's ids as Simplified ID Merge reads them. */
export interface SimplifiedIds {
  /**
   * The `distinct_id` Mixpanel stores: `$user_id` if present, else `'$device:' + $device_id`, else the
   * `distinct_id` as sent (any type, `undefined` when missing).
   */
  readonly distinctId: unknown
  /** `'$device:' + $device_id` (one `$device:` already on the value is dropped), when the event carries one. */
  readonly device: string | undefined
  /** `$user_id`, when the event carries one. */
  readonly user: string | undefined
}

const idOf = (value: unknown): string | undefined => (isId(value) ? String(value) : undefined)

/**
 * Reads `$device_id`, `$user_id` and `distinct_id` the way Simplified ID Merge does at ingestion
 * (identity-systems.md §2.1–2.2): `distinct_id` is derived from the reserved ids whenever one is
 * present, replacing any sent; a `$device_id` sent with the prefix keeps a single one.
 * @example
 * readSimplifiedIds({ $device_id: 'd1' }) // { distinctId: '$device:d1', device: '$device:d1', user: undefined }
 * readSimplifiedIds({ distinct_id: 'u7', $device_id: 'd7' }).distinctId // '$device:d7'
 */
export const readSimplifiedIds = (properties: Record<string, unknown>): SimplifiedIds => {
  const sent = idOf(properties['$device_id'])
  const bare = sent?.startsWith(DEVICE) === true ? sent.slice(DEVICE.length) : sent
  const device = bare === undefined || bare === '' ? undefined : DEVICE + bare
  const user = idOf(properties['$user_id'])
  return { distinctId: user ?? device ?? properties['distinct_id'], device, user }
}
