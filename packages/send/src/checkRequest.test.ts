import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { checkRequest } from './checkRequest.ts'

const pathOf = (x: unknown) => {
  const r = checkRequest(x)
  return E.isLeft(r) ? r.left.path : undefined
}

describe('checkRequest', () => {
  it('accepts a descriptor and copies its records', () => {
    const records = [{ event: 'a' }]
    const result = checkRequest({ endpoint: '/track', auth: 'token', records })
    expect(result).toStrictEqual(E.right({ endpoint: '/track', auth: 'token', records: [{ event: 'a' }] }))
    expect(E.isRight(result) && result.right.records).not.toBe(records)
  })
  it('names what is wrong', () => {
    expect(pathOf(null)).toBe('request')
    expect(pathOf('x')).toBe('request')
    expect(pathOf({ endpoint: '/decide', auth: 'token', records: [{}] })).toBe('request.endpoint')
    expect(pathOf({ endpoint: '/track', auth: 'bearer', records: [{}] })).toBe('request.auth')
    expect(pathOf({ endpoint: '/track', auth: 'token', records: [] })).toBe('request.records')
    expect(pathOf({ endpoint: '/track', auth: 'token', records: {} })).toBe('request.records')
    expect(pathOf({ endpoint: '/track', auth: 'token', records: [{}, null] })).toBe('request.records[1]')
    expect(pathOf({ endpoint: '/track', auth: 'token', records: [[1]] })).toBe('request.records[0]')
  })
  it('does not throw on hostile objects', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('boom') } })
    expect(pathOf(hostile)).toBe('request')
  })
})
