import type { FlagsRequest, ResolvedConfig } from '@mp/core'

/**
 * The URL of a feature-flag read: the caller's query, then `token` and (with a service account)
 * `project_id`, which the config owns and a caller's query cannot override.
 * @example
 * buildFlagsUrl(resolved, { path: '/flags/definitions', query: {} })
 * // 'https://api.mixpanel.com/flags/definitions?token=YOUR_TOKEN'
 */
export const buildFlagsUrl = (config: ResolvedConfig, request: FlagsRequest): string => {
  const params = new URLSearchParams(request.query)
  params.set('token', config.token)
  if (config.credentials?.kind === 'serviceAccount') params.set('project_id', config.credentials.projectId)
  else params.delete('project_id')
  return `${config.baseUrl}${request.path}?${params.toString()}`
}
