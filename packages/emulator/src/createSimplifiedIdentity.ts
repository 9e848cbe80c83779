import { readSimplifiedIds } from './readSimplifiedIds.ts'

/** What ingesting one event did to Simplified ID Merge's clusters. */
export interface SimplifiedOutcome {
  /** The `distinct_id` stored for the event (`undefined` when it carries no id at all). */
  readonly distinctId: string | undefined
  /** Set when the event tried to link a device that already belongs to another user. */
  readonly failure?: 'errAnonDistinctIdAssignedAlready'
}

/** Simplified ID Merge clusters: one `$user_id` and the `$device:` ids linked to it. */
export interface SimplifiedIdentity {
  /** Reads one (non-identity) event's ids and links its device to its user the first time both appear together. */
  ingest(properties: Record<string, unknown>): SimplifiedOutcome
  /** The user a `$device:` id is linked to; any other id is its own canonical id. */
  canonicalId(id: string): string
  /** Clusters with at least one device, the user (canonical) first, devices in link order. */
  clusters(): ReadonlyArray<ReadonlyArray<string>>
  clear(): void
}

/**
 * The identity rules of Mixpanel's Simplified ID Merge (identity-systems.md §2): links come only
 * from events carrying both `$device_id` and `$user_id`, in arrival order (their `time` does not
 * matter); the first link of a device wins, so a later event pairing it with another user links
 * nothing and is marked `errAnonDistinctIdAssignedAlready`; a user may have any number of devices,
 * a cluster exactly one user, and two users never merge. Events keep the `distinct_id` they were
 * stored with; `canonicalId` resolves it at query time, which makes every link retroactive.
 * @example
 * const identity = createSimplifiedIdentity()
 * identity.ingest({ $device_id: 'd1' })                // { distinctId: '$device:d1' }
 * identity.ingest({ $device_id: 'd1', $user_id: 'u1' }) // { distinctId: 'u1' }
 * identity.canonicalId('$device:d1')                   // 'u1'
 */
export const createSimplifiedIdentity = (): SimplifiedIdentity => {
  const userOf = new Map<string, string>()
  const devicesOf = new Map<string, Array<string>>()
  return {
    ingest: (properties) => {
      const { distinctId, device, user } = readSimplifiedIds(properties)
      const stored = typeof distinctId === 'string' || typeof distinctId === 'number' ? String(distinctId) : undefined
      if (device === undefined || user === undefined) return { distinctId: stored }
      const owner = userOf.get(device)
      if (owner === undefined) {
        userOf.set(device, user)
        devicesOf.set(user, [...(devicesOf.get(user) ?? []), device])
      } else if (owner !== user) return { distinctId: stored, failure: 'errAnonDistinctIdAssignedAlready' }
      return { distinctId: stored }
    },
    canonicalId: (id) => userOf.get(id) ?? id,
    clusters: () => [...devicesOf].map(([user, devices]) => [user, ...devices]),
    clear: () => {
      userOf.clear()
      devicesOf.clear()
    },
  }
}
