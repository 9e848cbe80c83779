import type { Endpoint, ResolvedConfig } from '@mp/core'

/**
 * The URL a request goes to. `/import` is strict (per-record errors) and names the project when a
 * service account authenticates it; the other endpoints ask for verbose answers and no geolocation
 * from the sender's IP (the server's address would be meaningless). Never carries a credential.
 * @example
 * buildUrl(resolved, '/track') // 'https://api.mixpanel.com/track?verbose=1&ip=0'
 */
export const buildUrl = (config: ResolvedConfig, endpoint: Endpoint): string => {
  if (endpoint !== '/import') return `${config.baseUrl}${endpoint}?verbose=1&ip=0`
  const credentials = config.credentials
  return credentials?.kind === 'serviceAccount'
    ? `${config.baseUrl}/import?strict=1&project_id=${encodeURIComponent(credentials.projectId)}`
    : `${config.baseUrl}/import?strict=1`
}
