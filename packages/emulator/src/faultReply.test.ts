import { describe, expect, it } from 'vitest'
import { faultReply } from './faultReply.ts'

describe('faultReply', () => {
  it('uses Mixpanel bodies for 429 and 413 and the status text otherwise', () => {
    expect(faultReply({ status: 429 }, 10)).toMatchObject({ status: 429, headers: { 'content-type': 'application/json' } })
    expect(faultReply({ status: 413 }, 10).body).toBe('{"code":413,"error":"request exceeds max limit of 10 bytes","status":"Request Entity Too Large"}')
    expect(faultReply({ status: 502 }, 10).body).toBe('Bad Gateway')
    expect(faultReply({ status: 599 }, 10).body).toBe('Error')
  })
  it('adds Retry-After only when given and honours a custom body', () => {
    expect(faultReply({ status: 503, retryAfter: '5' }, 10).headers).toEqual({ 'content-type': 'text/plain; charset=utf-8', 'retry-after': '5' })
    expect(faultReply({ status: 503 }, 10).headers['retry-after']).toBeUndefined()
    expect(faultReply({ status: 500, body: '{"x":1}' }, 10)).toMatchObject({ body: '{"x":1}', headers: { 'content-type': 'application/json' } })
  })
})
