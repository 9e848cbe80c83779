import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { httpError, recordsRejected } from '@mp/core'
import { chunkReceipt } from './chunkReceipt.ts'
import type { Chunk } from './readChunks.ts'

const chunk: Chunk = { records: [{ event: 'a' }, { event: 'b' }, { event: 'c' }], indices: [10, 14, 15], bytes: 40 }

describe('chunkReceipt', () => {
  it('answers how many were imported, with the attempts, when Mixpanel took everything', () => {
    expect(chunkReceipt(chunk, E.right({ endpoint: '/import', records: 3, attempts: 2, imported: 3 }))).toEqual(
      E.right({ imported: 3, refused: [], attempts: 2 }),
    )
    // A receipt without `imported` counts what was sent.
    expect(chunkReceipt(chunk, E.right({ endpoint: '/import', records: 3, attempts: 1 }))).toEqual(E.right({ imported: 3, refused: [], attempts: 1 }))
  })

  it('maps strict-mode refusals from request positions back to input positions', () => {
    const answer = chunkReceipt(chunk, E.left(recordsRejected('/import', [{ index: 1, insertId: 'x', field: 'properties.time', message: 'in the future' }], 2)))
    expect(answer).toEqual(E.right({ imported: 2, refused: [{ index: 14, insertId: 'x', field: 'properties.time', message: 'in the future' }], attempts: 1 }))
  })

  it('passes any other failure through: the chunk was not taken in', () => {
    const failure = httpError('/import', 401, 'Invalid credentials', 1)
    expect(chunkReceipt(chunk, E.left(failure))).toEqual(E.left(failure))
  })
})
