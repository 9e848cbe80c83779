import type { Endpoint, JsonObject, MixpanelRequest } from './types.ts'

/**
 * Makes a request descriptor. Builders call this last, after validation.
 * @example
 * request('/track', 'token', [{ event: 'signup', properties: { token: 't', distinct_id: 'u1' } }])
 */
export const request = (endpoint: Endpoint, auth: 'token' | 'secret', records: ReadonlyArray<JsonObject>): MixpanelRequest => ({
  endpoint,
  records,
  auth,
})
