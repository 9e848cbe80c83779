import { describe, expect, it } from 'vitest'
import { readEventInput } from './readEventInput.ts'
import { leftOf, rightOf } from './test-either.ts'

describe('readEventInput', () => {
  it('checks the fields, makes meta JSON-safe and passes properties on as given (buildEventRecord converts them)', () => {
    const properties = { d: new Date(0), u: undefined }
    expect(rightOf(readEventInput({ token: ' T ', distinctId: 'u1', event: 'e', properties, meta: { ip: 0, at: new Date(0) } }))).toEqual({
      token: 'T',
      distinctId: 'u1',
      event: 'e',
      properties,
      meta: { ip: 0, at: '1970-01-01T00:00:00' },
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
