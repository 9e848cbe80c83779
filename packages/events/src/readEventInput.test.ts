import { describe, expect, it } from 'vitest'
import { readEventInput } from './readEventInput.ts'
import { leftOf, rightOf } from './test-either.ts'

describe('readEventInput', () => {
  it('checks the fields and makes properties and meta JSON-safe', () => {
    expect(rightOf(readEventInput({ token: ' T ', distinctId: 'u1', event: 'e', properties: { d: new Date(0), u: undefined }, meta: { ip: 0 } }))).toEqual({
      token: 'T',
      distinctId: 'u1',
      event: 'e',
      properties: { d: '1970-01-01T00:00:00' },
      meta: { ip: 0 },
      ids: {},
    })
  })

  it('reads deviceId and userId into the ids and the derived distinctId', () => {
    expect(rightOf(readEventInput({ token: 'T', deviceId: 'd1', userId: 'u1', event: 'e' }))).toMatchObject({
      distinctId: 'u1',
      ids: { $device_id: 'd1', $user_id: 'u1' },
    })
  })

  it('reports the first bad field by its path', () => {
    expect(leftOf(readEventInput({ token: 'T', distinctId: 'u1', event: 'e', meta: { when: new Date(NaN) } }))).toEqual({
      _tag: 'ValidationError',
      path: 'meta.when',
      message: 'Invalid meta.when: invalid Date',
    })
    expect(leftOf(readEventInput([1]))).toMatchObject({ _tag: 'ValidationError', path: 'input' })
  })
})
