import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { sealRecord } from '@mp/core'
import { measureRequest } from './measureRequest.ts'

const tagOf = (x: unknown): string | undefined => {
  const r = measureRequest(x)
  return E.isLeft(r) ? `${r.left._tag}:${(r.left as { path?: string }).path ?? ''}` : undefined
}

describe('measureRequest', () => {
  it('measures each record as UTF-8 JSON', () => {
    const record = { event: 'é', properties: { a: 1 } }
    const r = measureRequest({ endpoint: '/track', auth: 'token', records: [record, {}] })
    expect(r).toStrictEqual(
      E.right({
        endpoint: '/track',
        auth: 'token',
        records: [record, {}],
        texts: [JSON.stringify(record), '{}'],
        bytes: [new TextEncoder().encode(JSON.stringify(record)).length, 2],
      }),
    )
  })

  it('refuses anything that is not a descriptor, with the path of the problem', () => {
    expect(tagOf(null)).toBe('ValidationError:request')
    expect(tagOf('x')).toBe('ValidationError:request')
    expect(tagOf({ endpoint: '/nope', auth: 'token', records: [] })).toBe('ValidationError:request.endpoint')
    expect(tagOf({ endpoint: '/track', auth: 'x', records: [] })).toBe('ValidationError:request.auth')
    expect(tagOf({ endpoint: '/track', auth: 'token', records: {} })).toBe('ValidationError:request.records')
    expect(tagOf({ endpoint: '/track', auth: 'token', records: [1] })).toBe('ValidationError:request.records[0]')
  })

  it('refuses a record over Mixpanel’s 1 MB per-record limit', () => {
    const big = { event: 'x', properties: { blob: 'a'.repeat(1_000_001) } }
    expect(tagOf({ endpoint: '/engage', auth: 'token', records: [{}, big] })).toBe('ValidationError:request.records[1]')
  })

  it('never throws on hostile input', () => {
    const cyclic: Record<string, unknown> = {}
    cyclic['self'] = cyclic
    const getter = Object.defineProperty({}, 'endpoint', { get: () => { throw new Error('boom') }, enumerable: true })
    expect(tagOf({ endpoint: '/track', auth: 'token', records: [cyclic] })).toBe('ValidationError:request')
    expect(tagOf({ endpoint: '/track', auth: 'token', records: [{ n: 1n }] })).toBe('ValidationError:request')
    expect(tagOf(getter)).toBe('ValidationError:request')
  })

  it('uses the text and size a builder sealed and attached, one whole number per record', () => {
    const record = sealRecord({ event: 'e', properties: { a: 1 } }, '{"event":"e","properties":{"a":1}}')
    const r = measureRequest({ endpoint: '/track', auth: 'token', records: [record], bytes: [12345] })
    expect(r).toStrictEqual(E.right({ endpoint: '/track', auth: 'token', records: [record], texts: ['{"event":"e","properties":{"a":1}}'], bytes: [12345] }))
  })

  it('stringifies and measures a record no builder sealed, even with sizes attached (a spread or hand-made descriptor)', () => {
    const record = { event: 'e', properties: { a: 1 } }
    const r = measureRequest({ endpoint: '/track', auth: 'token', records: [record], bytes: [12345] })
    expect(r).toStrictEqual(E.right({ endpoint: '/track', auth: 'token', records: [record], texts: [JSON.stringify(record)], bytes: [JSON.stringify(record).length] }))
    // What is held is the record as it was when enqueued: a later change to it is not sent.
    record.properties.a = 2
    expect(E.isRight(r) && r.right.texts).toStrictEqual(['{"event":"e","properties":{"a":1}}'])
  })

  it('measures for itself when the attached sizes do not fit the records', () => {
    const record = { event: 'e', properties: { a: 1 } }
    const real = JSON.stringify(record).length
    for (const bytes of [[], [1, 2], ['31'], [Number.NaN], [1.5], [-3], [2_000_000], 'x', null, { 0: 31, length: 1 }]) {
      const r = measureRequest({ endpoint: '/track', auth: 'token', records: [record], bytes })
      expect(E.isRight(r) && r.right.bytes).toStrictEqual([real])
    }
    expect(tagOf({ endpoint: '/track', auth: 'token', records: [1], bytes: [10] })).toBe('ValidationError:request.records[0]')
  })
})
