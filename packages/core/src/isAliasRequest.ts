import type { MixpanelRequest } from './types.ts'

/**
 * Whether a request carries a `$create_alias` event. Such a request must reach Mixpanel before
 * the events that use the alias: a queue never holds it, and in the outbox later rows wait for it.
 * @example
 * isAliasRequest(buildAliasPayload({ aliasId: 'u1', original: 'anon', token })) // true
 */
export const isAliasRequest = (request: Pick<MixpanelRequest, 'endpoint' | 'records'>): boolean => {
  if (request.endpoint !== '/track') return false
  // A loop, not `some` with a callback: the queue asks this of every descriptor it is given.
  for (const record of request.records) if (record['event'] === '$create_alias') return true
  return false
}
