/** The longest response text an error carries. */
export const SNIPPET_LENGTH = 300

/**
 * Makes response (or error) text safe to put into an error: every occurrence of each secret is
 * replaced by `***` first, then the text is cut to about 300 characters. Scrubbing before cutting
 * means no half of a secret can survive at the cut.
 * @example
 * bodySnippet('bad secret s3cr3t', ['s3cr3t']) // 'bad secret ***'
 */
export const bodySnippet = (text: string, secrets: ReadonlyArray<string>): string => {
  // Longest first, so a secret that contains another is removed whole.
  const ordered = secrets.filter((s) => s.length > 0).sort((a, b) => b.length - a.length)
  const scrubbed = ordered.reduce((acc, secret) => acc.split(secret).join('***'), text)
  const trimmed = scrubbed.trim()
  return trimmed.length > SNIPPET_LENGTH ? `${trimmed.slice(0, SNIPPET_LENGTH)}…` : trimmed
}
