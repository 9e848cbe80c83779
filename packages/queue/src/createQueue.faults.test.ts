import { either as E } from 'fp-ts'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Config, MixpanelRequest } from '@mp/core'
import { startEmulator, type Emulator, type Fault, type ReceivedRequest } from '@mp/emulator'
import { buildTrackPayload } from '@mp/events'
import { createQueue } from './createQueue.ts'
import type { FlushReport, Queue } from './types.ts'

// The acceptance test: 50 000 events through a flaky Mixpanel. 20% 5xx, 5% 429 and 5%
// connection resets, half before and half after the emulator stored the batch.
const TOTAL = 50_000
const FAULTS: ReadonlyArray<{ fault: Fault; probability: number }> = [
  { fault: { kind: 'status', status: 500 }, probability: 0.1 },
  { fault: { kind: 'status', status: 503 }, probability: 0.1 },
  { fault: { kind: 'status', status: 429 }, probability: 0.05 },
  { fault: { kind: 'reset', when: 'before' }, probability: 0.025 },
  { fault: { kind: 'reset', when: 'after' }, probability: 0.025 },
]

let emu: Emulator
let events: MixpanelRequest[] = []
beforeAll(async () => {
  emu = await startEmulator({ port: 0 })
  events = Array.from({ length: TOTAL }, (_, i) => trackRequest(i))
})
afterAll(async () => {
  await emu.stop()
})
beforeEach(() => emu.reset())

const token = 'fault-token'
const noSleep = async (): Promise<void> => {}
const configWith = (limit: number): Config => ({ token, host: emu.url, retry: { limit, baseDelayMs: 0, maxDelayMs: 0 }, sleep: noSleep })

const trackRequest = (i: number): MixpanelRequest => {
  const built = buildTrackPayload({ token, distinctId: `user-${i % 997}`, event: 'load', properties: { n: i } }, { insertId: () => `ev-${i}` })
  if (E.isLeft(built)) throw new Error(built.left.message)
  return built.right
}

const insertIdsOf = (req: ReceivedRequest): string[] =>
  req.records.map((r) => String((r['properties'] as Record<string, unknown>)['$insert_id']))

/** A request Mixpanel acknowledged: answered 200 with no injected fault (a reset-after stored but never answered). */
const acknowledged = (req: ReceivedRequest): boolean => req.status === 200 && req.fault === undefined

const flushUntilEmpty = async (queue: Queue, maxRounds: number): Promise<FlushReport[]> => {
  const reports: FlushReport[] = []
  for (let round = 0; round < maxRounds && (round === 0 || queue.size > 0); round++) {
    const result = await queue.flush()()
    if (E.isLeft(result)) throw new Error(result.left.message)
    reports.push(result.right)
  }
  return reports
}

const checkExactlyOnce = (reports: ReadonlyArray<FlushReport>): void => {
  const expected = Array.from({ length: TOTAL }, (_, i) => `ev-${i}`)

  // Nothing lost, nothing stored twice after dedup.
  const stored = emu.events().map((e) => String(e.properties['$insert_id']))
  expect(stored).toHaveLength(TOTAL)
  expect(new Set(stored)).toStrictEqual(new Set(expected))
  expect(reports.reduce((n, r) => n + r.delivered, 0)).toBe(TOTAL)
  expect(reports.at(-1)?.remaining).toBe(0)

  // Every event was acknowledged exactly once, and no request after its acknowledgement carried it.
  const requests = emu.requests().filter((r) => r.path === '/track')
  const ackedAt = new Map<string, number>()
  const ackedTwice: string[] = []
  requests.forEach((req, index) => {
    if (!acknowledged(req)) return
    for (const id of insertIdsOf(req)) {
      if (ackedAt.has(id)) ackedTwice.push(id)
      ackedAt.set(id, index)
    }
  })
  const resentAfterAck: string[] = []
  requests.forEach((req, index) => {
    for (const id of insertIdsOf(req)) if (index > (ackedAt.get(id) ?? -1)) resentAfterAck.push(id)
  })
  expect(ackedTwice).toStrictEqual([])
  expect(resentAfterAck).toStrictEqual([])
  expect(ackedAt.size).toBe(TOTAL)

  // The faults really happened, resets after storing included (those produce the duplicates dedup absorbs).
  const kinds = new Map<string, number>()
  for (const req of requests) {
    const key = req.fault === 'reset' ? 'reset' : String(req.status)
    kinds.set(key, (kinds.get(key) ?? 0) + 1)
  }
  expect(kinds.get('500')).toBeGreaterThan(0)
  expect(kinds.get('503')).toBeGreaterThan(0)
  expect(kinds.get('429')).toBeGreaterThan(0)
  expect(kinds.get('reset')).toBeGreaterThan(0)
  expect(emu.stats().duplicates).toBeGreaterThan(0)
}

describe('createQueue against a flaky Mixpanel (emulator fault injection)', () => {
  it('stores 50 000 events exactly once when send retries (limit 10)', async () => {
    emu.faults.random({ seed: 42, faults: FAULTS, match: { path: '/track' } })
    const queue = createQueue(configWith(10), { batchSize: 250 })
    const refused = events.map((request) => queue.enqueue(request)).filter(E.isLeft)
    expect(refused).toStrictEqual([])
    checkExactlyOnce(await flushUntilEmpty(queue, 5))
  })

  it('stores 50 000 events exactly once when the queue itself must retry across flushes (send limit 0)', async () => {
    emu.faults.random({ seed: 7, faults: FAULTS, match: { path: '/track' } })
    const queue = createQueue(configWith(0), { batchSize: 500, concurrency: 4 })
    for (const request of events) queue.enqueue(request)
    const reports = await flushUntilEmpty(queue, 60)
    // With ~35% of requests failing, the first flush cannot deliver everything: the queue held and retried.
    expect(reports.length).toBeGreaterThan(2)
    expect(reports[0]?.failures.every((f) => f.kept)).toBe(true)
    expect(reports[0]?.failed).toBeGreaterThan(0)
    checkExactlyOnce(reports)
  })

  it('keeps the records held through a total outage and delivers them once Mixpanel is back', async () => {
    const queue = createQueue(configWith(1), { batchSize: 100 })
    for (const request of events.slice(0, 1000)) queue.enqueue(request)
    emu.faults.next(1000, { kind: 'status', status: 503 }, { path: '/track' })
    const down = await queue.flush()()
    expect(down).toMatchObject(E.right({ delivered: 0, failed: 1000, remaining: 1000 }))
    emu.faults.clear()
    const up = await queue.flush()()
    expect(up).toMatchObject(E.right({ delivered: 1000, failed: 0, remaining: 0 }))
    expect(emu.events()).toHaveLength(1000)
  })

  it('drops a poison batch Mixpanel refuses, reports it, and delivers the others', async () => {
    const queue = createQueue(configWith(3), { batchSize: 10 })
    for (const request of events.slice(0, 30)) queue.enqueue(request)
    // The first batch gets a verbose refusal: retrying it would fail the same way forever.
    emu.faults.next(1, { kind: 'status', status: 200, body: '{"error":"token, missing or empty","status":0}' }, { path: '/track' })
    const report = await queue.flush()()
    if (E.isLeft(report)) throw new Error(report.left.message)
    expect(report.right).toMatchObject({ delivered: 20, failed: 10, remaining: 0 })
    expect(report.right.failures).toMatchObject([{ endpoint: '/track', records: 10, kept: false, error: { _tag: 'ApiRejected' } }])
    expect(queue.size).toBe(0)
    expect(emu.events()).toHaveLength(20)
    // Only three requests: the refused batch was tried once and never again.
    expect(emu.requests()).toHaveLength(3)
    expect(await queue.flush()()).toMatchObject(E.right({ delivered: 0, failed: 0 }))
    expect(emu.requests()).toHaveLength(3)
  })
})
