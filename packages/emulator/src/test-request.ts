import { parseRequest, type ParsedRequest } from './parseRequest.ts'

/**
 * A parsed JSON request for route-level unit tests (test helper).
 * @example
 * jsonRequest('POST', '/track?verbose=1', [{ event: 'a' }])
 */
export const jsonRequest = (method: string, url: string, json?: unknown, headers: Record<string, string> = {}): ParsedRequest =>
  parseRequest({
    method,
    url,
    headers: { 'content-type': 'application/json', ...headers },
    body: Buffer.from(json === undefined ? '' : JSON.stringify(json)),
    overflow: false,
    maxBytes: 10 * 1024 * 1024,
  })
