import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { identityRequest } from './identityRequest.ts'

const record = { event: '$identify', properties: { token: 't' } }

describe('identityRequest', () => {
  it('merges meta into the top level, after the record own keys', () => {
    expect(identityRequest({ ip: 0, event: 'custom' }, '/track', 'token', record)).toStrictEqual(
      E.right({ endpoint: '/track', auth: 'token', records: [{ event: 'custom', properties: { token: 't' }, ip: 0 }] }),
    )
  })

  it('takes an absent meta as no meta', () => {
    expect(identityRequest(undefined, '/import', 'secret', record)).toStrictEqual(E.right({ endpoint: '/import', auth: 'secret', records: [record] }))
  })

  it('refuses a meta that is not a JSON-safe object, naming the path', () => {
    expect(identityRequest('ip=0', '/track', 'token', record)).toMatchObject(E.left({ path: 'meta' }))
    expect(identityRequest({ at: new Date(Number.NaN) }, '/track', 'token', record)).toMatchObject(E.left({ path: 'meta.at' }))
  })
})
