import type { IdentityGraph, LinkOutcome } from './createIdentityGraph.ts'
import { isPlaceholderId } from './isPlaceholderId.ts'

const refuse = (reason: string, description: string): LinkOutcome => ({ ok: false, reason, description })

const problemWithId = (name: string, id: unknown): string | undefined => {
  if (typeof id !== 'string' || id.trim() === '') return `${name} must be a non-empty string`
  if (isPlaceholderId(id)) return `${name} '${id}' is a placeholder value Mixpanel refuses as an id`
  return undefined
}

const link = (
  ids: ReadonlyArray<readonly [string, unknown]>,
  perform: (a: string, b: string) => LinkOutcome,
): LinkOutcome => {
  for (const [name, id] of ids) {
    const problem = problemWithId(name, id)
    if (problem !== undefined) return refuse('invalid_identity_event', problem)
  }
  const [a, b] = ids.map(([, id]) => id as string)
  if (a === undefined || b === undefined) return refuse('invalid_identity_event', 'two ids are needed')
  if (a === b) return refuse('invalid_identity_event', `${ids[0]?.[0]} and ${ids[1]?.[0]} must differ (both are '${a}')`)
  return perform(a, b)
}

/**
 * Applies an identity event (`$create_alias`, `$identify`, `$merge`) to the graph and answers what
 * happened, or `undefined` for any other event. `$merge` is honoured only on `/import` (the route has
 * already checked credentials); on `/track` it is refused. `$identify` also accepts the browser SDK's
 * form (`distinct_id` + `$anon_distinct_id`).
 * @example
 * linkIdentityEvent(createIdentityGraph(), '/track', '$create_alias', { distinct_id: 'anon-1', alias: 'user-1' })
 * // { ok: true, join: { canonical: 'user-1', winner: 'user-1', loser: 'anon-1' } }
 */
export const linkIdentityEvent = (
  graph: IdentityGraph,
  endpoint: '/track' | '/import',
  event: string,
  properties: Record<string, unknown>,
): LinkOutcome | undefined => {
  switch (event) {
    case '$create_alias':
      return link(
        [
          ['alias', properties['alias']],
          ['distinct_id', properties['distinct_id']],
        ],
        graph.alias,
      )
    case '$identify':
      return link(
        [
          ['$identified_id', properties['$identified_id'] ?? properties['distinct_id']],
          ['$anon_id', properties['$anon_id'] ?? properties['$anon_distinct_id']],
        ],
        graph.identify,
      )
    case '$merge': {
      if (endpoint !== '/import') {
        return refuse('merge_requires_import', '$merge is only accepted on /import, authenticated with a secret')
      }
      const ids = properties['$distinct_ids']
      if (!Array.isArray(ids) || ids.length !== 2) {
        return refuse('invalid_identity_event', '$distinct_ids must be a list of exactly 2 ids')
      }
      return link(
        [
          ['$distinct_ids[0]', ids[0]],
          ['$distinct_ids[1]', ids[1]],
        ],
        graph.merge,
      )
    }
    default:
      return undefined
  }
}
