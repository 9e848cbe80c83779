import { reveal, type ResolvedConfig } from '@mp/core'

const forms = (secret: string): ReadonlyArray<string> => [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]

/**
 * Every string that must never reach an error: the configured secret in the forms a server or
 * platform might echo it (raw, URL-encoded, JSON-escaped) and the `Authorization` values in use.
 * `extra` adds more, e.g. the token for flag requests, which carry it in the URL.
 * @example
 * secretsOf(resolved, ['Basic c2VjcmV0Og=='])
 */
export const secretsOf = (config: ResolvedConfig, extra: ReadonlyArray<string> = []): ReadonlyArray<string> => {
  const secret = config.credentials === undefined ? '' : reveal(config.credentials.secret)
  const headers = extra.flatMap((value) => (value.startsWith('Basic ') ? [value, value.slice(6)] : forms(value)))
  return [...(secret === '' ? [] : forms(secret)), ...headers].filter((s) => s.length > 0)
}
