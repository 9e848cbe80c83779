import { either as E, type taskEither as TE } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { httpError, type MixpanelError } from '@mp/core'
import type { Chunk } from '@mp/events'
import { deliverChunks } from './deliverChunks.ts'

const chunk = (n: number): Chunk => ({ records: [{ n }], indices: [n], bytes: 10 })

const source = (count: number, log: { read: number; closed: boolean }) =>
  (async function* (): AsyncGenerator<Chunk, number, undefined> {
    try {
      for (let n = 0; n < count; n++) {
        log.read++
        yield chunk(n)
      }
      return count
    } finally {
      log.closed = true
    }
  })()

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('deliverChunks', () => {
  it('keeps at most `concurrency` chunks in flight and reads ahead by one at most', async () => {
    const log = { read: 0, closed: false }
    let active = 0
    let peak = 0
    let readAhead = 0
    const answered: number[] = []
    const deliver = (c: Chunk): TE.TaskEither<MixpanelError, number> => async () => {
      active++
      peak = Math.max(peak, active)
      readAhead = Math.max(readAhead, log.read - answered.length)
      await sleep(3)
      active--
      return E.right(c.indices[0] as number)
    }
    const failure = await deliverChunks(source(20, log), deliver, {
      concurrency: 3,
      stopped: () => false,
      onSend: () => undefined,
      onAnswer: (_, answer) => {
        if (E.isRight(answer)) answered.push(answer.right)
        return undefined
      },
    })
    expect(failure).toBeUndefined()
    expect(peak).toBe(3)
    expect(readAhead).toBeLessThanOrEqual(4)
    expect([...answered].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, n) => n))
    expect(log.closed).toBe(true)
  })

  it('after a failed chunk sends nothing more, lets those in flight answer, and answers the failure', async () => {
    const log = { read: 0, closed: false }
    const sent: number[] = []
    const answered: number[] = []
    const deliver = (c: Chunk): TE.TaskEither<MixpanelError, number> => async () => {
      const n = c.indices[0] as number
      await sleep(n === 2 ? 1 : 10)
      return n === 2 ? E.left(httpError('/import', 503, '', 5)) : E.right(n)
    }
    const failure = await deliverChunks(source(50, log), deliver, {
      concurrency: 4,
      stopped: () => false,
      onSend: (c) => sent.push(c.indices[0] as number),
      onAnswer: (c, answer) => {
        answered.push(c.indices[0] as number)
        return E.isLeft(answer) ? answer.left : undefined
      },
    })
    expect(failure).toMatchObject({ _tag: 'HttpError', status: 503 })
    expect(sent).toEqual([0, 1, 2, 3])
    expect([...answered].sort()).toEqual([0, 1, 2, 3])
    expect(log.closed).toBe(true)
  })

  it('stops reading and sending once stopped() says so; a chunk read then is dropped', async () => {
    const log = { read: 0, closed: false }
    let stop = false
    const sent: number[] = []
    const failure = await deliverChunks(source(100, log), (c) => async () => E.right(c.indices[0] as number), {
      concurrency: 1,
      stopped: () => stop,
      onSend: (c) => {
        sent.push(c.indices[0] as number)
        if (sent.length === 5) stop = true
      },
      onAnswer: () => undefined,
    })
    expect(failure).toBeUndefined()
    expect(sent).toEqual([0, 1, 2, 3, 4])
    expect(log.read).toBeLessThanOrEqual(6)
    expect(log.closed).toBe(true)
  })

  it('answers a source that throws as a failure, after the chunks in flight', async () => {
    async function* breaks(): AsyncGenerator<Chunk, number, undefined> {
      yield chunk(0)
      throw new Error('disk on fire')
    }
    const answered: number[] = []
    const failure = await deliverChunks(breaks(), (c) => async () => E.right(c.indices[0] as number), {
      concurrency: 2,
      stopped: () => false,
      onSend: () => undefined,
      onAnswer: (c) => {
        answered.push(c.indices[0] as number)
        return undefined
      },
    })
    expect(failure).toEqual({ _tag: 'ValidationError', path: 'input', message: 'Invalid input: could not be read (disk on fire)' })
    expect(answered).toEqual([0])
  })
})
