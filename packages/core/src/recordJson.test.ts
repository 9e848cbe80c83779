import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { recordJson } from './recordJson.ts'

describe('recordJson', () => {
  it('answers the JSON text and its UTF-8 bytes', () => {
    const record = { event: 'é', properties: { a: 1 } }
    const json = JSON.stringify(record)
    expect(recordJson(record, 0)).toStrictEqual(E.right({ json, bytes: new TextEncoder().encode(json).length }))
  })

  it('refuses a record over Mixpanel’s 1 MB per-record limit, naming its index', () => {
    const big = { event: 'x', properties: { blob: 'a'.repeat(1_000_001) } }
    expect(recordJson(big, 3)).toMatchObject(E.left({ _tag: 'ValidationError', path: 'request.records[3]' }))
  })

  it('refuses what JSON.stringify turns into nothing', () => {
    const odd = { toJSON: () => undefined } as unknown as Record<string, never>
    expect(recordJson(odd, 1)).toStrictEqual(E.left({ _tag: 'ValidationError', path: 'request.records[1]', message: 'Invalid request.records[1]: is not JSON' }))
  })
})
