import type { MixpanelRequest } from '@mp/core'

/**
 * Whether a request carries a `$create_alias` event. Such a request must reach Mixpanel before
 * the events that use the alias, so a queue never holds it.
 * @example
 * isAliasRequest(buildAliasPayload({ aliasId: 'u1', original: 'anon', token })) // true
 */
export const isAliasRequest = (request: Pick<MixpanelRequest, 'endpoint' | 'records'>): boolean =>
  request.endpoint === '/track' && request.records.some((record) => record['event'] === '$create_alias')
