import { either as E } from 'fp-ts'
import { describe, expect, it, vi } from 'vitest'
import { apiRejected, httpError, networkError, type Endpoint, type MixpanelError, type MixpanelRequest } from '@mp/core'
import { createQueue } from './createQueue.ts'
import { fakeSender } from './test-sender.ts'
import type { ErrorContext, FlushReport, Queue } from './types.ts'

const config = { token: 'tok', apiSecret: 'shh-secret', host: 'http://127.0.0.1:9' }

const events = (from: number, count: number, endpoint: Endpoint = '/track', auth: 'token' | 'secret' = 'token'): MixpanelRequest => ({
  endpoint,
  auth,
  records: Array.from({ length: count }, (_, i) => ({ event: 'e', properties: { $insert_id: `id${from + i}` } })),
})

const ids = (requests: ReadonlyArray<MixpanelRequest>): string[] =>
  requests.flatMap((r) => r.records.map((rec) => String((rec['properties'] as Record<string, unknown> | undefined)?.['$insert_id'])))

const run = async (queue: Queue, which: 'flush' | 'close' = 'flush'): Promise<FlushReport> => {
  const result = await queue[which]()()
  if (E.isLeft(result)) throw new Error(`unexpected Left: ${result.left.message}`)
  return result.right
}

const right = <A>(x: E.Either<MixpanelError, A>): A => {
  if (E.isLeft(x)) throw new Error(`unexpected Left: ${x.left.message}`)
  return x.right
}

describe('createQueue: batching', () => {
  it('holds records until a flush, then sends them in batches of up to 2000 per endpoint and auth', async () => {
    const fake = fakeSender()
    const queue = createQueue(config, { send: fake.send })
    expect(right(queue.enqueue(events(0, 4500)))).toStrictEqual({ endpoint: '/track', records: 4500, status: 'held', size: 4500 })
    right(queue.enqueue(events(10_000, 3, '/import', 'secret')))
    right(queue.enqueue(events(20_000, 2, '/engage')))
    expect(fake.calls).toHaveLength(0)
    expect(queue.size).toBe(4505)

    const report = await run(queue)
    expect(fake.calls.map((c) => [c.endpoint, c.auth, c.records.length])).toStrictEqual([
      ['/track', 'token', 2000],
      ['/track', 'token', 2000],
      ['/track', 'token', 500],
      ['/import', 'secret', 3],
      ['/engage', 'token', 2],
    ])
    expect(ids(fake.calls.slice(0, 3))).toStrictEqual(Array.from({ length: 4500 }, (_, i) => `id${i}`))
    expect(report).toMatchObject({ delivered: 4505, failed: 0, attempts: 5, remaining: 0, failures: [] })
    expect(report.endpoints['/track']).toStrictEqual({ delivered: 4500, failed: 0, batches: 3, attempts: 3 })
    expect(queue.size).toBe(0)
  })

  it('honours a smaller batchSize and the byte cap', async () => {
    const fake = fakeSender()
    const queue = createQueue(config, { send: fake.send, batchSize: 3 })
    right(queue.enqueue(events(0, 7)))
    await run(queue)
    expect(fake.calls.map((c) => c.records.length)).toStrictEqual([3, 3, 1])

    const big = createQueue(config, { send: fake.send })
    const blob = 'x'.repeat(300_000)
    right(big.enqueue({ endpoint: '/engage', auth: 'token', records: Array.from({ length: 10 }, () => ({ $set: { blob } })) }))
    fake.calls.length = 0
    await run(big)
    // 1.9 MB cap: six 300 kB records per batch
    expect(fake.calls.map((c) => c.records.length)).toStrictEqual([6, 4])
  })

  it('flushes an empty queue as a no-op', async () => {
    const fake = fakeSender()
    const queue = createQueue(config, { send: fake.send })
    expect(await run(queue)).toStrictEqual({ delivered: 0, failed: 0, attempts: 0, remaining: 0, endpoints: {}, failures: [] })
    expect(fake.calls).toHaveLength(0)
  })
})

describe('createQueue: no loss, no re-send', () => {
  it('keeps a failed batch for the next flush and never re-sends the batches that were delivered', async () => {
    // mixpanel-python PR #191: after a later batch failed, delivered batches were sent again.
    const fake = fakeSender((_req, call) => (call === 1 ? networkError('/track', 5, 'ECONNRESET') : undefined))
    const queue = createQueue(config, { send: fake.send, batchSize: 2, concurrency: 1 })
    right(queue.enqueue(events(0, 6)))

    const first = await run(queue)
    expect(first).toMatchObject({ delivered: 4, failed: 2, remaining: 2 })
    expect(first.failures).toStrictEqual([{ endpoint: '/track', records: 2, error: networkError('/track', 5, 'ECONNRESET'), kept: true }])
    expect(queue.size).toBe(2)

    const second = await run(queue)
    expect(second).toMatchObject({ delivered: 2, failed: 0, remaining: 0 })
    expect(ids(fake.calls)).toStrictEqual(['id0', 'id1', 'id2', 'id3', 'id4', 'id5', 'id2', 'id3'])
  })

  it('puts kept records back ahead of newer ones, in their original order', async () => {
    const fake = fakeSender((_req, call) => (call === 0 ? httpError('/track', 503, 'busy', 5) : undefined))
    const queue = createQueue(config, { send: fake.send })
    right(queue.enqueue(events(0, 3)))
    await run(queue)
    right(queue.enqueue(events(3, 2)))
    await run(queue)
    expect(ids(fake.calls.slice(1))).toStrictEqual(['id0', 'id1', 'id2', 'id3', 'id4'])
  })

  it('drops a poison batch (it can never succeed), reports it, and keeps the rest moving', async () => {
    const poison = apiRejected('/track', 'token, missing or empty')
    const fake = fakeSender((req) => (ids([req]).includes('id2') ? poison : undefined))
    const queue = createQueue(config, { send: fake.send, batchSize: 2 })
    right(queue.enqueue(events(0, 6)))
    const report = await run(queue)
    expect(report).toMatchObject({ delivered: 4, failed: 2, remaining: 0 })
    expect(report.failures).toStrictEqual([{ endpoint: '/track', records: 2, error: poison, kept: false }])
    expect(queue.size).toBe(0)
    expect(await run(queue)).toMatchObject({ delivered: 0, failed: 0 })
    expect(fake.calls).toHaveLength(3)
  })

  it('keeps the records when the transport throws or rejects instead of answering', async () => {
    let mode: 'throw' | 'reject' | 'ok' = 'throw'
    const queue = createQueue(config, {
      send: (req) => () => {
        if (mode === 'throw') throw new Error('bug')
        if (mode === 'reject') return Promise.reject(new Error('bug'))
        return Promise.resolve(E.right({ endpoint: req.endpoint, records: req.records.length, attempts: 1 }))
      },
    })
    right(queue.enqueue(events(0, 2)))
    expect((await run(queue)).failures[0]).toMatchObject({ kept: true, error: { _tag: 'NetworkError' } })
    mode = 'reject'
    expect((await run(queue)).failures[0]).toMatchObject({ kept: true, error: { _tag: 'NetworkError' } })
    mode = 'ok'
    expect(await run(queue)).toMatchObject({ delivered: 2, remaining: 0 })
  })
})

describe('createQueue: concurrency', () => {
  it('never sends the same batch from two concurrent flushes, and the second waits for the first', async () => {
    const fake = fakeSender()
    const queue = createQueue(config, { send: fake.send, batchSize: 10 })
    right(queue.enqueue(events(0, 50)))
    fake.pause()
    const first = queue.flush()()
    right(queue.enqueue(events(50, 5)))
    const second = queue.flush()()
    let secondDone = false
    void second.then(() => (secondDone = true))
    await new Promise((r) => setImmediate(r))
    expect(secondDone).toBe(false)
    fake.resume()
    const [a, b] = await Promise.all([first, second])
    expect(E.isRight(a) && a.right.delivered).toBe(50)
    expect(E.isRight(b) && b.right.delivered).toBe(5)
    const sent = ids(fake.calls)
    expect(sent).toHaveLength(55)
    expect(new Set(sent).size).toBe(55)
  })

  it('bounds the batches in flight across flushes', async () => {
    const fake = fakeSender()
    const queue = createQueue(config, { send: fake.send, batchSize: 1, concurrency: 2 })
    right(queue.enqueue(events(0, 10)))
    fake.pause()
    const one = queue.flush()()
    right(queue.enqueue(events(10, 10)))
    const two = queue.flush()()
    await new Promise((r) => setImmediate(r))
    expect(fake.open).toBe(2)
    fake.resume()
    await Promise.all([one, two])
    expect(fake.calls).toHaveLength(20)
    expect(fake.peakOpen).toBe(2)
  })
})

describe('createQueue: bounded memory', () => {
  it('answers QueueFull beyond maxQueued, takes nothing from the refused request, and counts records in flight', async () => {
    const fake = fakeSender()
    const queue = createQueue(config, { send: fake.send, maxQueued: 10 })
    right(queue.enqueue(events(0, 8)))
    const full = queue.enqueue(events(8, 3))
    expect(full).toStrictEqual(E.left({ _tag: 'QueueFull', maxQueued: 10, message: expect.stringContaining('Nothing was dropped') }))
    expect(queue.size).toBe(8)
    right(queue.enqueue(events(8, 2)))

    fake.pause()
    const flushing = queue.flush()()
    expect(queue.size).toBe(10)
    expect(queue.enqueue(events(10, 1))).toMatchObject(E.left({ _tag: 'QueueFull' }))
    fake.resume()
    await flushing
    expect(queue.size).toBe(0)
    expect(right(queue.enqueue(events(10, 10))).size).toBe(10)
  })
})

describe('createQueue: close', () => {
  it('flushes, then refuses new records and direct sends with QueueClosed', async () => {
    const fake = fakeSender()
    const queue = createQueue(config, { send: fake.send })
    right(queue.enqueue(events(0, 3)))
    const report = await run(queue, 'close')
    expect(report).toMatchObject({ delivered: 3, remaining: 0 })
    expect(queue.enqueue(events(3, 1))).toMatchObject(E.left({ _tag: 'QueueClosed' }))
    expect(await queue.deliver(events(3, 1))()).toMatchObject(E.left({ _tag: 'QueueClosed' }))
    expect(fake.calls).toHaveLength(1)
  })

  it('waits for batches another flush has in flight, and can retry what failed after close', async () => {
    let fail = true
    const fake = fakeSender(() => (fail ? httpError('/track', 500, '', 5) : undefined))
    const queue = createQueue(config, { send: fake.send })
    right(queue.enqueue(events(0, 2)))
    fake.pause()
    const flushing = queue.flush()()
    const closing = queue.close()()
    fake.resume()
    await flushing
    expect(await closing).toMatchObject(E.right({ delivered: 0, remaining: 2 }))
    fail = false
    expect(await run(queue)).toMatchObject({ delivered: 2, remaining: 0 })
  })
})

describe('createQueue: $create_alias', () => {
  const alias: MixpanelRequest = {
    endpoint: '/track',
    auth: 'token',
    records: [{ event: '$create_alias', properties: { distinct_id: 'anon', alias: 'u1', token: 'tok' } }],
  }

  it('is never held: enqueue sends it at once and the next flush reports its outcome', async () => {
    const fake = fakeSender()
    const queue = createQueue(config, { send: fake.send })
    right(queue.enqueue(events(0, 2)))
    expect(right(queue.enqueue(alias))).toStrictEqual({ endpoint: '/track', records: 1, status: 'sending', size: 2 })
    expect(fake.calls).toStrictEqual([alias])
    const report = await run(queue)
    expect(report).toMatchObject({ delivered: 3, endpoints: { '/track': { delivered: 3, batches: 2 } } })
  })

  it('reports a failed alias through onError and the next flush, without holding it', async () => {
    const errors: Array<[MixpanelError, ErrorContext]> = []
    const fake = fakeSender(() => networkError('/track', 5, 'down'))
    const queue = createQueue(config, { send: fake.send, onError: (e, c) => errors.push([e, c]) })
    right(queue.enqueue(alias))
    const report = await run(queue)
    expect(report.failures).toStrictEqual([{ endpoint: '/track', records: 1, error: networkError('/track', 5, 'down'), kept: false }])
    expect(errors).toStrictEqual([[networkError('/track', 5, 'down'), { source: 'alias', endpoint: '/track', records: 1, kept: false }]])
    expect(queue.size).toBe(0)
  })

  it('deliver sends any request at once and answers its receipt', async () => {
    const fake = fakeSender()
    const queue = createQueue(config, { send: fake.send })
    expect(await queue.deliver(alias)()).toStrictEqual(E.right({ endpoint: '/track', records: 1, attempts: 1 }))
    expect(await queue.deliver({ endpoint: '/nope' } as never)()).toMatchObject(E.left({ _tag: 'ValidationError' }))
  })
})

describe('createQueue: automatic flushes', () => {
  it('flushes by itself at flushAt records and sends automatic-flush errors to onError, keeping the records', async () => {
    const errors: Array<[MixpanelError, ErrorContext]> = []
    let fail = true
    const fake = fakeSender(() => (fail ? httpError('/track', 502, '', 5) : undefined))
    const queue = createQueue(config, {
      send: fake.send,
      flushAt: 5,
      onError: (e, c) => {
        errors.push([e, c])
        throw new Error('a throwing onError changes nothing')
      },
    })
    right(queue.enqueue(events(0, 4)))
    expect(fake.calls).toHaveLength(0)
    right(queue.enqueue(events(4, 1)))
    await vi.waitFor(() => expect(fake.calls).toHaveLength(1))
    await vi.waitFor(() => expect(errors).toHaveLength(1))
    expect(errors[0]?.[1]).toStrictEqual({ source: 'autoFlush', endpoint: '/track', records: 5, kept: true })
    expect(queue.size).toBe(5)

    fail = false
    right(queue.enqueue(events(5, 1)))
    await vi.waitFor(() => expect(queue.size).toBe(0))
    expect(ids(fake.calls.slice(1))).toStrictEqual(['id0', 'id1', 'id2', 'id3', 'id4', 'id5'])
  })

  it('flushes on its interval on an unref’d timer, and close stops the timer', async () => {
    const handles: Array<{ hasRef(): boolean }> = []
    const original = globalThis.setInterval
    const spy = vi.spyOn(globalThis, 'setInterval').mockImplementation(((fn: () => void, ms: number) => {
      const handle = original(fn, ms)
      handles.push(handle)
      return handle
    }) as typeof setInterval)
    const clear = vi.spyOn(globalThis, 'clearInterval')
    try {
      const fake = fakeSender()
      const queue = createQueue(config, { send: fake.send, flushIntervalMs: 5 })
      expect(handles).toHaveLength(1)
      expect(handles[0]?.hasRef()).toBe(false)
      right(queue.enqueue(events(0, 3)))
      await vi.waitFor(() => expect(queue.size).toBe(0))
      expect(fake.calls).toHaveLength(1)
      await run(queue, 'close')
      expect(clear).toHaveBeenCalledWith(handles[0])
    } finally {
      spy.mockRestore()
      clear.mockRestore()
    }
  })
})

describe('createQueue: bad input', () => {
  it('answers the same ConfigError for every call when the config or options are unusable', async () => {
    for (const [cfg, opts] of [
      [{ token: '' }, undefined],
      [config, { maxQueued: -1 }],
      [null, undefined],
      [config, new Proxy({}, { get: () => { throw new Error('hostile') } })],
    ] as const) {
      const queue = createQueue(cfg as never, opts as never)
      expect(queue.enqueue(events(0, 1))).toMatchObject(E.left({ _tag: 'ConfigError' }))
      expect(await queue.flush()()).toMatchObject(E.left({ _tag: 'ConfigError' }))
      expect(await queue.close()()).toMatchObject(E.left({ _tag: 'ConfigError' }))
      expect(await queue.deliver(events(0, 1))()).toMatchObject(E.left({ _tag: 'ConfigError' }))
      expect(queue.size).toBe(0)
    }
  })

  it('refuses /import records when the config has no credentials, instead of holding what can never be sent', () => {
    const queue = createQueue({ token: 'tok' }, { send: fakeSender().send })
    expect(queue.enqueue(events(0, 1, '/import', 'secret'))).toMatchObject(E.left({ _tag: 'ConfigError', field: 'apiSecret' }))
    expect(queue.size).toBe(0)
  })

  it('refuses malformed descriptors with a ValidationError and never throws', () => {
    const queue = createQueue(config, { send: fakeSender().send })
    for (const bad of [undefined, null, 42, { endpoint: '/track' }, { endpoint: '/track', auth: 'token', records: [null] }]) {
      expect(queue.enqueue(bad as never)).toMatchObject(E.left({ _tag: 'ValidationError' }))
    }
    expect(queue.size).toBe(0)
  })

  it('never puts the secret into a report or error', async () => {
    const fake = fakeSender(() => httpError('/import', 401, 'Invalid credentials', 1))
    const queue = createQueue(config, { send: fake.send })
    right(queue.enqueue(events(0, 1, '/import', 'secret')))
    const report = await run(queue)
    expect(report.failures[0]?.kept).toBe(false)
    expect(JSON.stringify(report)).not.toContain('shh-secret')
  })
})
