import { reply, type Reply } from './reply.ts'

// A 1×1 transparent GIF, answered for `img=1`.
const PIXEL = 'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7'

/**
 * The answer of `/track`, `/engage`, `/groups` (and non-strict `/import`): HTTP 200 with `1`/`0`, or
 * with `verbose=1` `{"error":null,"status":1}` / `{"error":"<msg>","status":0}`. `verbose=2` answers
 * errors with HTTP 400 (observed on `/engage`); `callback=fn` wraps the body in a JavaScript call and
 * `img=1` answers a transparent pixel.
 * @example
 * trackStyleReply({ verbose: '1' }, 'token, missing or empty').body // '{"error":"token, missing or empty","status":0}'
 */
export const trackStyleReply = (query: Readonly<Record<string, string>>, error: string | undefined): Reply => {
  if (query['img'] === '1') return reply(200, 'gif', Buffer.from(PIXEL, 'base64'))
  const verbose = query['verbose'] === '1' || query['verbose'] === '2' || query['verbose'] === 'true'
  const body = verbose
    ? JSON.stringify(error === undefined ? { error: null, status: 1 } : { error, status: 0 })
    : error === undefined
      ? '1'
      : '0'
  const status = error !== undefined && query['verbose'] === '2' ? 400 : 200
  const callback = query['callback']
  if (callback !== undefined && /^[A-Za-z_$][\w$.]*$/.test(callback)) return reply(status, 'javascript', `${callback}(${body})`)
  return reply(status, verbose ? 'json' : 'text', body)
}
