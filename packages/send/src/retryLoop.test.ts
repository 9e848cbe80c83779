import { describe, expect, it } from 'vitest'
import { retryLoop, RETRY_AFTER_CEILING_MS } from './retryLoop.ts'
import { recordingSleep } from './test-fixtures.ts'
import type { Transient, Verdict } from './verdict.ts'

const policy = { limit: 3, baseDelayMs: 100, maxDelayMs: 1000 }
const transient = (cause: Transient = { kind: 'network', message: 'x' }): Verdict<string> => ({ kind: 'transient', cause })
const ok: Verdict<string> = { kind: 'done', result: { _tag: 'Right', right: 'ok' } }
const script = (verdicts: Verdict<string>[]) => {
  const seen: number[] = []
  return { seen, once: (n: number) => async () => (seen.push(n), verdicts[n - 1] ?? transient()) }
}

describe('retryLoop', () => {
  it('stops at the first non-transient verdict', async () => {
    const { sleeps, sleep } = recordingSleep()
    const s = script([transient(), transient(), ok])
    expect(await retryLoop({ retry: policy, sleep, random: () => 0 }, s.once)()).toStrictEqual({ verdict: ok, attempts: 3 })
    expect(s.seen).toStrictEqual([1, 2, 3])
    expect(sleeps).toStrictEqual([100, 100])
  })
  it('makes limit + 1 attempts at most, with growing jittered delays', async () => {
    const { sleeps, sleep } = recordingSleep()
    const s = script([])
    const { attempts, verdict } = await retryLoop({ retry: policy, sleep, random: () => 1 }, s.once)()
    expect(attempts).toBe(4)
    expect(verdict.kind).toBe('transient')
    expect(sleeps).toStrictEqual([100, 200, 400])
  })
  it('waits at least Retry-After', async () => {
    const { sleeps, sleep } = recordingSleep()
    const s = script([transient({ kind: 'status', status: 429, body: '', retryAfterMs: 7000 }), ok])
    await retryLoop({ retry: policy, sleep, random: () => 0 }, s.once)()
    expect(sleeps).toStrictEqual([7000])
  })
  it('gives up at once on a Retry-After beyond the ceiling', async () => {
    const { sleeps, sleep } = recordingSleep()
    const s = script([transient({ kind: 'status', status: 429, body: '', retryAfterMs: RETRY_AFTER_CEILING_MS + 1 })])
    expect((await retryLoop({ retry: policy, sleep, random: () => 0 }, s.once)()).attempts).toBe(1)
    expect(sleeps).toStrictEqual([])
  })
  it('makes one attempt with limit 0, and survives a throwing sleep and random', async () => {
    expect((await retryLoop({ retry: { ...policy, limit: 0 }, sleep: undefined, random: () => 0 }, script([]).once)()).attempts).toBe(1)
    const s = script([transient(), ok])
    const result = await retryLoop(
      { retry: policy, sleep: () => Promise.reject(new Error('no')), random: () => { throw new Error('no') } },
      s.once,
    )()
    expect(result).toStrictEqual({ verdict: ok, attempts: 2 })
  })
})
