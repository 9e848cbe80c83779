/** An HTTP answer, before it is written. */
export interface Reply {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: string | Buffer
}

/**
 * A reply with a content type: `json` for JSON bodies, `text` for Mixpanel's plain `1`/`0`.
 * @example
 * reply(200, 'text', '1') // { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: '1' }
 */
export const reply = (
  status: number,
  type: 'json' | 'text' | 'javascript' | 'gif',
  body: string | Buffer,
  headers: Readonly<Record<string, string>> = {},
): Reply => {
  const contentType = {
    json: 'application/json',
    text: 'text/plain; charset=utf-8',
    javascript: 'text/javascript; charset=utf-8',
    gif: 'image/gif',
  }[type]
  return { status, headers: { 'content-type': contentType, ...headers }, body }
}
