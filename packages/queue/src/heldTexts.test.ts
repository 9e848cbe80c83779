import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { sealRecord, type Config, type JsonObject, type MixpanelRequest } from '@mp/core'
import { createQueue } from './createQueue.ts'
import { fakeSender } from './test-sender.ts'

// The queue holds each record as its JSON text, not the record: a builder's sealed text as it is,
// anything else stringified when it is enqueued. What goes on the wire is still the JSON of what
// was enqueued, byte for byte, and a custom sender still gets records.

const TOKEN = 'held-texts-token'

// What a builder answers: a sealed (frozen, text remembered) record and its size.
const built = (n: number): MixpanelRequest & { readonly bytes: number[] } => {
  const record = { event: 'built', properties: { token: TOKEN, distinct_id: `u${n}`, n, list: [n, 'é'] } }
  const json = JSON.stringify(record)
  return { endpoint: '/track', auth: 'token', records: [sealRecord(record, json)], bytes: [new TextEncoder().encode(json).length] }
}

const byHand = (n: number): MixpanelRequest => ({ endpoint: '/track', auth: 'token', records: [{ event: 'by hand', properties: { token: TOKEN, distinct_id: `h${n}` } }] })

// A config whose fetch keeps every body and answers per `status` (Mixpanel's verbose success by default).
const capturing = (status: (body: string) => number = () => 200): { readonly config: Config; readonly bodies: string[] } => {
  const bodies: string[] = []
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const body = await new Request(input, init).text()
    bodies.push(body)
    const code = status(body)
    return new Response(code === 200 ? '{"error":null,"status":1}' : 'request entity too large', { status: code })
  }
  return { config: { token: TOKEN, host: 'http://127.0.0.1:9', fetch, retry: { limit: 0 } }, bodies }
}

const flushed = async (queue: ReturnType<typeof createQueue>) => {
  const report = await queue.flush()()
  if (E.isLeft(report)) throw new Error(report.left.message)
  return report.right
}

describe('the queue holds texts', () => {
  it('sends built, hand-made and spread-and-changed descriptors as the JSON of their records, byte for byte, in order', async () => {
    const { config, bodies } = capturing()
    const queue = createQueue(config)
    const first = built(1)
    const changed = { ...built(2), records: [{ event: 'changed', properties: { token: TOKEN, distinct_id: 'c2' } }] }
    const requests = [first, byHand(1), changed, built(3)]
    for (const request of requests) expect(E.isRight(queue.enqueue(request))).toBe(true)
    expect((await flushed(queue)).delivered).toBe(4)
    expect(bodies).toEqual([JSON.stringify(requests.flatMap((r) => r.records))])
  })

  it('sends a hand-made record as it was when enqueued, not as it was changed afterwards', async () => {
    const { config, bodies } = capturing()
    const queue = createQueue(config)
    const record: JsonObject = { event: 'by hand', properties: { token: TOKEN, distinct_id: 'h1', plan: 'free' } }
    const before = JSON.stringify([record])
    expect(E.isRight(queue.enqueue({ endpoint: '/track', auth: 'token', records: [record] }))).toBe(true)
    ;(record['properties'] as Record<string, unknown>)['plan'] = 'changed after enqueue'
    await flushed(queue)
    expect(bodies).toEqual([before])
  })

  it('gives a custom sender records equal to what was enqueued (parsed from the held texts)', async () => {
    const sender = fakeSender()
    const queue = createQueue({ token: TOKEN }, { send: sender.send })
    const requests = [built(1), byHand(2), built(3)]
    for (const request of requests) queue.enqueue(request)
    expect((await flushed(queue)).delivered).toBe(3)
    expect(sender.calls).toHaveLength(1)
    const sent = sender.calls[0] as MixpanelRequest
    expect(sent.endpoint).toBe('/track')
    expect(sent.auth).toBe('token')
    expect(sent.records).toStrictEqual(JSON.parse(JSON.stringify(requests.flatMap((r) => r.records))))
  })

  it('halves a batch Mixpanel finds too large along the held texts, each half the JSON of its records', async () => {
    // Anything with more than two records is "too large".
    const { config, bodies } = capturing((body) => ((JSON.parse(body) as unknown[]).length > 2 ? 413 : 200))
    const queue = createQueue(config)
    const requests = [1, 2, 3, 4, 5].map(built)
    for (const request of requests) queue.enqueue(request)
    const report = await flushed(queue)
    expect(report.delivered).toBe(5)
    expect(report.failed).toBe(0)
    const records = requests.flatMap((r) => r.records)
    const json = (from: number, to: number): string => JSON.stringify(records.slice(from, to))
    // 5 → 3 (too large) → 2 + 1, then 2.
    expect(bodies).toEqual([json(0, 5), json(0, 3), json(0, 2), json(2, 3), json(3, 5)])
  })

  it('keeps the texts of a failed batch and sends the same bytes on the next flush', async () => {
    let fail = true
    const { config, bodies } = capturing(() => (fail ? 503 : 200))
    const queue = createQueue(config)
    const requests = [built(1), byHand(2)]
    for (const request of requests) queue.enqueue(request)
    const first = await flushed(queue)
    expect(first.failures.map((f) => f.kept)).toEqual([true])
    expect(queue.size).toBe(2)
    fail = false
    expect((await flushed(queue)).delivered).toBe(2)
    const json = JSON.stringify(requests.flatMap((r) => r.records))
    expect(bodies).toEqual([json, json])
  })
})
