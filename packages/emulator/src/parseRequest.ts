import { decodeBody, type DecodedBody } from './decodeBody.ts'
import { normalizePath } from './normalizePath.ts'

/** A request reduced to what the routes need. */
export interface ParsedRequest {
  readonly method: string
  readonly path: string
  /** Query and form fields merged (form wins), `data` excluded. */
  readonly query: Readonly<Record<string, string>>
  readonly headers: Readonly<Record<string, string>>
  readonly body: DecodedBody
}

/** The raw parts of an HTTP request. */
export interface RawRequest {
  readonly method: string
  readonly url: string
  readonly headers: Readonly<Record<string, string | ReadonlyArray<string> | undefined>>
  readonly body: Buffer
  readonly overflow: boolean
  readonly maxBytes: number
}

const flattenHeaders = (headers: RawRequest['headers']): Record<string, string> => {
  const flat: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue
    flat[name.toLowerCase()] = typeof value === 'string' ? value : value.join(', ')
  }
  return flat
}

/**
 * Parses a raw request: path without trailing slash, parameters from the query string and the form
 * body merged (mixpanel-python puts `verbose` and `ip` in the form, other SDKs in the query), and
 * the decoded records.
 * @example
 * parseRequest({ method: 'POST', url: '/track/?verbose=1', headers: { 'content-type': 'application/json' },
 *   body: Buffer.from('[]'), overflow: false, maxBytes: 10_485_760 }).path // '/track'
 */
export const parseRequest = (raw: RawRequest): ParsedRequest => {
  const url = new URL(raw.url, 'http://emulator.invalid')
  const headers = flattenHeaders(raw.headers)
  const fromQuery: Record<string, string> = {}
  for (const [key, value] of url.searchParams) if (key !== 'data') fromQuery[key] = value
  const body = decodeBody({
    contentType: headers['content-type'] ?? '',
    contentEncoding: headers['content-encoding'] ?? '',
    body: raw.body,
    overflow: raw.overflow,
    queryData: url.searchParams.get('data') ?? undefined,
    maxBytes: raw.maxBytes,
  })
  return {
    method: raw.method.toUpperCase(),
    path: normalizePath(url.pathname),
    query: { ...fromQuery, ...body.form },
    headers,
    body,
  }
}
