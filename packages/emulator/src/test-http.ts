import { gzipSync } from 'node:zlib'

/** A finished HTTP exchange, for assertions. */
export interface Exchange {
  readonly status: number
  readonly body: string
  readonly headers: Headers
}

/**
 * Sends a request with plain `fetch` and reads the whole answer (test helper).
 * @example
 * await http(emu.url, '/track?verbose=1', { json: [{ event: 'a', properties: { token: 't' } }] })
 */
export const http = async (
  base: string,
  path: string,
  options: {
    readonly method?: string
    readonly json?: unknown
    readonly body?: string | Uint8Array<ArrayBuffer>
    readonly form?: Record<string, string>
    readonly headers?: Record<string, string>
    readonly gzip?: boolean
  } = {},
): Promise<Exchange> => {
  const headers: Record<string, string> = { ...options.headers }
  let body: string | Uint8Array<ArrayBuffer> | undefined = options.body
  if (options.json !== undefined) {
    body = JSON.stringify(options.json)
    headers['content-type'] ??= 'application/json'
  }
  if (options.form !== undefined) {
    body = new URLSearchParams(options.form).toString()
    headers['content-type'] ??= 'application/x-www-form-urlencoded'
  }
  if (options.gzip === true && body !== undefined) {
    body = new Uint8Array(gzipSync(body))
    headers['content-encoding'] = 'gzip'
  }
  const response = await fetch(`${base}${path}`, {
    method: options.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    ...(body === undefined ? {} : { body }),
  })
  return { status: response.status, body: await response.text(), headers: response.headers }
}
