import { reveal, type ResolvedConfig } from '@mp/core'

/** The longest response (or error) text an error carries. */
export const SNIPPET_LENGTH = 300

// The forms a server or platform might echo a secret in: raw, URL-encoded, JSON-escaped.
const forms = (secret: string): ReadonlyArray<string> => [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]

/**
 * Every string that must never reach an error: the configured secret in each form it might be
 * echoed in, and the credentials in use (`extra`: an `Authorization` value, whose base64 part
 * alone is scrubbed too, or the token of a flag request, which rides in the URL).
 * @example
 * secretsOf(resolved, 'Basic c2VjcmV0Og==')
 */
export const secretsOf = (config: ResolvedConfig, ...extra: ReadonlyArray<string | undefined>): ReadonlyArray<string> =>
  [config.credentials === undefined ? '' : reveal(config.credentials.secret), ...extra.map((value) => value ?? '')]
    .flatMap((value) => (value.startsWith('Basic ') ? [value, value.slice(6)] : forms(value)))
    .filter((value) => value !== '')

/**
 * Makes response (or error) text safe to put into an error: every secret is replaced by `***`
 * (the longest first, so a secret that contains another goes whole), then the text is trimmed and
 * cut to about 300 characters. Scrubbing before cutting leaves no half of a secret at the cut.
 * @example
 * scrub('bad secret s3cr3t', ['s3cr3t']) // 'bad secret ***'
 */
export const scrub = (text: string, secrets: ReadonlyArray<string>): string => {
  const clean = [...secrets]
    .sort((a, b) => b.length - a.length)
    .reduce((acc, secret) => (secret === '' ? acc : acc.split(secret).join('***')), text)
    .trim()
  return clean.length > SNIPPET_LENGTH ? `${clean.slice(0, SNIPPET_LENGTH)}…` : clean
}
