import { either as E, type taskEither as TE } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { httpError, recordsRejected, type MixpanelError, type MixpanelRequest, type Receipt } from '@mp/core'
import type { Chunk } from './readChunks.ts'
import { sendChunks, type ChunkTally } from './sendChunks.ts'

const chunkOf = (indices: number[]): Chunk => ({ records: indices.map((i) => ({ event: 'e', properties: { i } })), indices, bytes: 0 })

async function* chunksFrom(list: Chunk[], log: { pulled: number; closed: boolean }): AsyncGenerator<Chunk, number, undefined> {
  try {
    for (const chunk of list) {
      log.pulled++
      yield chunk
    }
    return list.reduce((n, c) => n + c.indices.length, 0)
  } finally {
    log.closed = true
  }
}

const ok = (request: MixpanelRequest): E.Either<MixpanelError, Receipt> =>
  E.right({ endpoint: '/import', records: request.records.length, attempts: 1, imported: request.records.length })

describe('sendChunks', () => {
  it('keeps at most `concurrency` requests in flight and tallies receipts', async () => {
    let active = 0
    let peak = 0
    const deliver = (request: MixpanelRequest): TE.TaskEither<MixpanelError, Receipt> => async () => {
      active++
      peak = Math.max(peak, active)
      await new Promise((resolve) => setTimeout(resolve, 2))
      active--
      return ok(request)
    }
    const log = { pulled: 0, closed: false }
    const chunks = Array.from({ length: 10 }, (_, c) => chunkOf([c * 2, c * 2 + 1]))
    const progress: ChunkTally[] = []
    const tally = await sendChunks(chunksFrom(chunks, log), deliver, 3, (t) => progress.push(t))
    expect(peak).toBe(3)
    expect(tally).toMatchObject({ read: 20, sent: 20, imported: 20, chunks: 10, attempts: 10, refused: [], fatal: undefined })
    expect(progress.map((p) => p.sent)).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18, 20])
  })

  it('maps refused records back to input indices', async () => {
    const deliver = (request: MixpanelRequest): TE.TaskEither<MixpanelError, Receipt> => async () =>
      (request.records[0]?.['properties'] as { i: number }).i === 10
        ? E.left(recordsRejected('/import', [{ index: 1, field: 'properties.time', message: 'must not be in the future' }], 1))
        : ok(request)
    const tally = await sendChunks(chunksFrom([chunkOf([0, 2]), chunkOf([10, 13])], { pulled: 0, closed: false }), deliver, 2, () => undefined)
    expect(tally.refused).toEqual([{ index: 13, field: 'properties.time', message: 'must not be in the future' }])
    expect(tally.imported).toBe(3)
    expect(tally.fatal).toBeUndefined()
  })

  it('stops pulling after a fatal error, lets chunks in flight finish and closes the source', async () => {
    const log = { pulled: 0, closed: false }
    let answered = 0
    const deliver = (request: MixpanelRequest): TE.TaskEither<MixpanelError, Receipt> => async () => {
      answered++
      return (request.records[0]?.['properties'] as { i: number }).i === 0 ? E.left(httpError('/import', 401, 'Invalid credentials', 1)) : ok(request)
    }
    const chunks = Array.from({ length: 50 }, (_, c) => chunkOf([c]))
    const tally = await sendChunks(chunksFrom(chunks, log), deliver, 2, () => undefined)
    expect(tally.fatal).toMatchObject({ _tag: 'HttpError', status: 401 })
    expect(log.pulled).toBeLessThan(5)
    expect(answered).toBe(tally.chunks)
    expect(log.closed).toBe(true)
  })

  it('never rejects: a throwing deliver, progress callback or source become tallied failures', async () => {
    const throwing = (): TE.TaskEither<MixpanelError, Receipt> => () => Promise.reject(new Error('socket exploded'))
    const a = await sendChunks(chunksFrom([chunkOf([0])], { pulled: 0, closed: false }), throwing, 1, () => undefined)
    expect(a.fatal).toMatchObject({ _tag: 'NetworkError', message: expect.stringContaining('socket exploded') })

    const b = await sendChunks(chunksFrom([chunkOf([0]), chunkOf([1])], { pulled: 0, closed: false }), (r) => async () => ok(r), 1, () => {
      throw new Error('progress bug')
    })
    expect(b).toMatchObject({ sent: 2, fatal: undefined })

    async function* broken(): AsyncGenerator<Chunk, number, undefined> {
      yield chunkOf([0])
      throw new Error('bad line 2')
    }
    const c = await sendChunks(broken(), (r) => async () => ok(r), 4, () => undefined)
    expect(c.fatal).toEqual({ _tag: 'ValidationError', path: 'events', message: 'Invalid events: could not be read (bad line 2); chunks sent before were imported' })
    expect(c.imported).toBe(1)
  })
})
