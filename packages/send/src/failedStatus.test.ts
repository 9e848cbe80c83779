import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { failedStatus } from './failedStatus.ts'

const ctx = { endpoint: '/track', attempts: 3, secrets: ['s3cr3t'], now: Date.parse('2024-01-01T00:00:00Z') }
const res = (status: number, body: string, retryAfter: string | null = null) => ({ status, body, retryAfter })

describe('failedStatus', () => {
  it('marks 429 and 5xx transient, with Retry-After in ms only when given', () => {
    expect(failedStatus(res(429, 'slow', 'Mon, 01 Jan 2024 00:00:02 GMT'), ctx)).toStrictEqual({
      kind: 'transient',
      cause: { kind: 'status', status: 429, body: 'slow', retryAfterMs: 2000 },
    })
    expect(failedStatus(res(599, 'busy'), ctx)).toStrictEqual({ kind: 'transient', cause: { kind: 'status', status: 599, body: 'busy' } })
  })
  it('makes anything else a final HttpError with the attempts so far and a scrubbed body', () => {
    expect(failedStatus(res(401, 'bad s3cr3t'), ctx)).toStrictEqual({
      kind: 'done',
      result: E.left({ _tag: 'HttpError', endpoint: '/track', status: 401, body: 'bad ***', attempts: 3, message: 'Mixpanel answered HTTP 401 for /track (3 attempts): bad ***' }),
    })
  })
  it('never follows a redirect', () => {
    for (const status of [0, 301, 307]) {
      expect(failedStatus(res(status, 'Location: elsewhere'), ctx)).toMatchObject({ result: { left: { status, body: 'redirect not followed' } } })
    }
  })
})
