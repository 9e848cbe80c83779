import { STATUS_CODES } from 'node:http'
import { importBody } from './importBody.ts'
import { reply, type Reply } from './reply.ts'

/**
 * The answer of an injected `status` fault: the given body, else Mixpanel's JSON bodies for 429 and
 * 413, else the status text; `Retry-After` only when asked for (Mixpanel sends none by default).
 * @example
 * faultReply({ kind: 'status', status: 429, retryAfter: '2' }, 10_485_760).headers['retry-after'] // '2'
 */
export const faultReply = (
  fault: { readonly status: number; readonly retryAfter?: string; readonly body?: string },
  maxBytes: number,
): Reply => {
  const headers = fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter }
  if (fault.body !== undefined) {
    const json = /^\s*[[{]/.test(fault.body)
    return reply(fault.status, json ? 'json' : 'text', fault.body, headers)
  }
  if (fault.status === 429) return reply(429, 'json', importBody.rateLimited(), headers)
  if (fault.status === 413) return reply(413, 'json', importBody.tooLarge(maxBytes), headers)
  return reply(fault.status, 'text', STATUS_CODES[fault.status] ?? 'Error', headers)
}
