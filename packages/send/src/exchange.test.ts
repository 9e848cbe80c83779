import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import type { AttemptSpec } from './attempt.ts'
import { decodeResponse } from './decodeResponse.ts'
import { exchange } from './exchange.ts'
import { recordingSleep, resolved } from './test-fixtures.ts'

// An injected fetch that answers `replies` in turn (a thrown Error is a network failure).
const scripted = (replies: Array<Response | Error>) => {
  const seen: string[] = []
  const fake = (async (input: Request) => {
    seen.push(input.url)
    const next = replies.shift() ?? new Error('no more replies')
    if (next instanceof Error) throw next
    return next
  }) as unknown as typeof fetch
  return { seen, fake }
}

const spec = (transport: typeof fetch, secrets: string[] = []): AttemptSpec => ({
  method: 'POST',
  url: 'https://api.mixpanel.com/track?verbose=1&ip=0',
  headers: {},
  body: '[]',
  timeoutMs: 1000,
  fetch: transport,
  secrets,
})

describe('exchange', () => {
  it('retries network failures and transient statuses, then decodes the final answer with its attempt number', async () => {
    const { sleep, sleeps } = recordingSleep()
    const { seen, fake } = scripted([new Error('fetch failed'), new Response('busy', { status: 503 }), new Response('1')])
    const config = resolved({ sleep, random: () => 0, retry: { limit: 4, baseDelayMs: 10, maxDelayMs: 10 } })
    expect(await exchange(config, spec(fake), '/track', decodeResponse)()).toStrictEqual({ verdict: { kind: 'done', result: E.right({}) }, attempts: 3 })
    expect(seen).toHaveLength(3)
    expect(sleeps).toStrictEqual([10, 10])
  })
  it('hands decode the secrets to scrub and the endpoint to name', async () => {
    const { fake } = scripted([new Response('no for s3cr3t', { status: 401 })])
    const { verdict } = await exchange(resolved(), spec(fake, ['s3cr3t']), '/track', decodeResponse)()
    expect(verdict).toMatchObject({ kind: 'done', result: E.left({ _tag: 'HttpError', endpoint: '/track', body: 'no for ***', attempts: 1 }) })
  })
})
