/** What linking two ids did: joined two clusters (whose previous canonical ids are given), nothing, or refused. */
export type LinkOutcome =
  | {
      readonly ok: true
      /** Present when two clusters became one: `winner`'s profile wins conflicts over `loser`'s. */
      readonly join?: { readonly canonical: string; readonly winner: string; readonly loser: string }
    }
  | { readonly ok: false; readonly reason: string; readonly description: string }

/** Original ID Merge clusters of linked ids. */
export interface IdentityGraph {
  /** `$create_alias`: `aliasId` becomes the cluster's canonical id. */
  alias(aliasId: string, distinctId: string): LinkOutcome
  /** `$identify`: links `anonId` to `identifiedId`, which becomes canonical. */
  identify(identifiedId: string, anonId: string): LinkOutcome
  /** `$merge`: joins both clusters; the first id's canonical id stays canonical. */
  merge(first: string, second: string): LinkOutcome
  canonicalId(id: string): string
  /** Every id in `id`'s cluster (just `[id]` when it is linked to nothing). */
  members(id: string): ReadonlyArray<string>
  /** Clusters of two or more ids, canonical id first. */
  clusters(): ReadonlyArray<ReadonlyArray<string>>
  clear(): void
}

interface Cluster {
  canonical: string
  ids: Array<string>
}

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i

const refuse = (reason: string, description: string): LinkOutcome => ({ ok: false, reason, description })

/**
 * The identity graph of Mixpanel's Original ID Merge (http-api.md §8.2): an alias maps to exactly one
 * distinct_id and aliases chain; `$identify` links an anonymous id unless it is already merged with
 * another identified id; `$merge` joins any two clusters; no cluster grows beyond `maxClusterSize`
 * (500) ids.
 *
 * UUIDv4 rule: Mixpanel only merges an `$identify` whose `$anon_id` is a UUIDv4. Server-side callers
 * pass whatever anonymous id they had (`anonymous_12345` in Mixpanel's own examples), so the rule is
 * off by default and on with `requireUuidAnonId: true`.
 * @example
 * const graph = createIdentityGraph()
 * graph.alias('user_67890', 'anonymous_12345')
 * graph.canonicalId('anonymous_12345') // 'user_67890'
 */
export const createIdentityGraph = (options: { maxClusterSize?: number; requireUuidAnonId?: boolean } = {}): IdentityGraph => {
  const maxSize = options.maxClusterSize ?? 500
  const clusterOf = new Map<string, Cluster>()
  const aliasTarget = new Map<string, string>()
  const identified = new Set<string>()

  const clusterFor = (id: string): Cluster => clusterOf.get(id) ?? { canonical: id, ids: [id] }

  // Joins the clusters of `winnerId` and `loserId` under `canonical`, unless the result is too big.
  const join = (winnerId: string, loserId: string, canonical: string): LinkOutcome => {
    const winner = clusterFor(winnerId)
    const loser = clusterFor(loserId)
    // Already linked: accepted, and nothing changes (not even the canonical id).
    if (winner === loser || winner.ids.includes(loserId)) return { ok: true }
    const size = winner.ids.length + loser.ids.length
    if (size > maxSize) {
      return refuse(
        'cluster_limit',
        `linking '${winnerId}' and '${loserId}' would make an identity cluster of ${size} ids; the limit is ${maxSize}`,
      )
    }
    const joined: Cluster = { canonical, ids: [...winner.ids, ...loser.ids] }
    for (const id of joined.ids) clusterOf.set(id, joined)
    return { ok: true, join: { canonical, winner: winner.canonical, loser: loser.canonical } }
  }

  return {
    alias: (aliasId, distinctId) => {
      const target = aliasTarget.get(aliasId)
      if (target !== undefined && target !== distinctId) {
        return refuse(
          'alias_already_mapped',
          `alias '${aliasId}' already maps to '${target}'; an alias maps to exactly one distinct_id`,
        )
      }
      const aliasCluster = clusterOf.get(aliasId)
      if (target === undefined && aliasCluster !== undefined && !aliasCluster.ids.includes(distinctId)) {
        return refuse('alias_already_merged', `alias '${aliasId}' is already merged into another identity cluster`)
      }
      const outcome = join(aliasId, distinctId, aliasId)
      if (outcome.ok) aliasTarget.set(aliasId, distinctId)
      return outcome
    },
    identify: (identifiedId, anonId) => {
      if (options.requireUuidAnonId === true && !UUID_V4.test(anonId)) {
        return refuse('anon_id_not_uuid', `$anon_id '${anonId}' is not a UUIDv4, so it is not merged`)
      }
      const anonCluster = clusterFor(anonId)
      const other = anonCluster.ids.find((id) => identified.has(id) && id !== identifiedId)
      if (other !== undefined && !anonCluster.ids.includes(identifiedId)) {
        return refuse(
          'anon_id_already_identified',
          `$anon_id '${anonId}' is already merged with the identified id '${other}'`,
        )
      }
      const outcome = join(identifiedId, anonId, identifiedId)
      if (outcome.ok) identified.add(identifiedId)
      return outcome
    },
    merge: (first, second) => join(first, second, clusterFor(first).canonical),
    canonicalId: (id) => clusterOf.get(id)?.canonical ?? id,
    members: (id) => [...clusterFor(id).ids],
    clusters: () =>
      [...new Set(clusterOf.values())].map((cluster) => [
        cluster.canonical,
        ...cluster.ids.filter((id) => id !== cluster.canonical),
      ]),
    clear: () => {
      clusterOf.clear()
      aliasTarget.clear()
      identified.clear()
    },
  }
}
