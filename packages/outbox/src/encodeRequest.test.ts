import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { encodeRequest } from './encodeRequest.ts'

describe('encodeRequest', () => {
  it('encodes each record as JSON.stringify wrote it', () => {
    const records = [{ event: 'a', properties: { z: 1, y: 'é' } }, {}]
    expect(encodeRequest({ endpoint: '/track', auth: 'token', records })).toStrictEqual(
      E.right({ endpoint: '/track', auth: 'token', texts: records.map((r) => JSON.stringify(r)), alias: false }),
    )
  })

  it('flags a $create_alias request', () => {
    const encoded = encodeRequest({ endpoint: '/track', auth: 'token', records: [{ event: '$create_alias', properties: {} }] })
    expect(E.isRight(encoded) && encoded.right.alias).toBe(true)
  })

  it('refuses what send refuses and what is not JSON, never throwing', () => {
    const getter = Object.defineProperty({}, 'endpoint', { get: () => { throw new Error('boom') }, enumerable: true })
    expect(encodeRequest(getter)).toMatchObject(E.left({ _tag: 'ValidationError', path: 'request' }))
    expect(encodeRequest({ endpoint: '/track', auth: 'token', records: [{ n: 1n }] })).toMatchObject(E.left({ _tag: 'ValidationError', path: 'request' }))
    expect(encodeRequest({ endpoint: '/track', auth: 'token', records: [[]] })).toMatchObject(E.left({ _tag: 'ValidationError', path: 'request.records[0]' }))
  })
})
