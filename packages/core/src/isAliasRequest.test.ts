import { describe, expect, it } from 'vitest'
import { isAliasRequest } from './isAliasRequest.ts'

describe('isAliasRequest', () => {
  it('spots a $create_alias record on /track, alone or mixed in', () => {
    expect(isAliasRequest({ endpoint: '/track', records: [{ event: '$create_alias', properties: {} }] })).toBe(true)
    expect(isAliasRequest({ endpoint: '/track', records: [{ event: 'a' }, { event: '$create_alias' }] })).toBe(true)
  })

  it('leaves every other request to the buffer', () => {
    expect(isAliasRequest({ endpoint: '/track', records: [{ event: '$identify' }] })).toBe(false)
    expect(isAliasRequest({ endpoint: '/engage', records: [{ $set: { event: '$create_alias' } }] })).toBe(false)
    expect(isAliasRequest({ endpoint: '/track', records: [] })).toBe(false)
  })
})
