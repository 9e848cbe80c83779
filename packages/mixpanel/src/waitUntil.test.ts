import { either as E } from 'fp-ts'
import { afterAll, beforeAll, describe, expect, it, beforeEach } from 'vitest'
import { emulatorPerFile } from '@mp/emulator'
import { createMixpanel } from './createMixpanel.ts'
import { Mixpanel } from './Mixpanel.ts'

// Serverless and edge runtimes (Cloudflare Workers, Vercel, Deno Deploy) freeze or end the
// invocation once the response is returned, which is how mixpanel-node users lose events.
// The pattern: queue during the request, answer at once, and hand the flush to waitUntil so
// the platform keeps the invocation alive until Mixpanel acknowledged the batch.

/** The execution context a Worker gets; only waitUntil matters here. */
interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void
}

/** A fake ctx that collects what the handler asked the platform to wait for. */
const fakeContext = (): ExecutionContext & { readonly pending: Array<Promise<unknown>> } => {
  const pending: Array<Promise<unknown>> = []
  return { pending, waitUntil: (promise) => void pending.push(promise) }
}

const emu = emulatorPerFile({ beforeAll, afterAll, beforeEach })

describe('serverless: ctx.waitUntil(mp.flush())', () => {
  it('Promise style: the handler answers before delivery, and waitUntil carries the flush', async () => {
    emu.reset()
    // One client per isolate, created lazily by the module (no work at import time).
    const mp = Mixpanel('worker-token', { host: emu.url, queue: true })
    const worker = {
      async fetch(request: Request, ctx: ExecutionContext): Promise<Response> {
        const user = new URL(request.url).searchParams.get('user') ?? 'anonymous'
        await mp.track({ distinctId: user, event: 'page_view', properties: { path: new URL(request.url).pathname } })
        await mp.peopleSet({ distinctId: user, properties: { last_seen_path: new URL(request.url).pathname } })
        ctx.waitUntil(mp.flush())
        return new Response('ok')
      },
    }

    const ctx = fakeContext()
    const response = await worker.fetch(new Request('https://example.test/pricing?user=u42'), ctx)
    expect(await response.text()).toBe('ok')
    expect(ctx.pending).toHaveLength(1)

    const [report] = await Promise.all(ctx.pending)
    expect(report).toMatchObject({ delivered: 2, failed: 0, remaining: 0 })
    expect(emu.events().map((e) => [e.event, e.distinctId])).toStrictEqual([['page_view', 'u42']])
    expect(emu.profile('u42')).toMatchObject({ last_seen_path: '/pricing' })
  })

  it('TaskEither style: waitUntil takes the running task, which never rejects', async () => {
    emu.reset()
    const mp = createMixpanel({ token: 'worker-token', host: emu.url, retry: { limit: 0 } }, { queue: true })
    const ctx = fakeContext()
    await mp.track({ distinctId: 'u1', event: 'signup' })()
    emu.faults.next(1, { kind: 'status', status: 500 })
    ctx.waitUntil(mp.flush()())
    // A failed flush is data, not a rejection that the platform would log as unhandled.
    const [first] = await Promise.all(ctx.pending)
    expect(first).toMatchObject(E.right({ delivered: 0, failed: 1, remaining: 1 }))
    // The record stayed held, so the next invocation's flush delivers it.
    ctx.waitUntil(mp.flush()())
    const [, second] = await Promise.all(ctx.pending)
    expect(second).toMatchObject(E.right({ delivered: 1, remaining: 0 }))
    expect(emu.events().map((e) => e.event)).toStrictEqual(['signup'])
  })
})
