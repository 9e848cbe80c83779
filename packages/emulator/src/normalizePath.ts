/**
 * A request path without its trailing slash (`/track/` and `/track` are the same route).
 * @example
 * normalizePath('/track/') // '/track'
 * normalizePath('/') // '/'
 */
export const normalizePath = (path: string): string => (path.length > 1 ? path.replace(/\/+$/, '') || '/' : path)
