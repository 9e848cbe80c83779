import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { readIdentityInput, type IdField } from './readIdentityInput.ts'

const first: IdField = ['aliasId', 'the new id']
const second: IdField = ['original', 'the id in use']
const read = (input: unknown) => readIdentityInput(input, '{ aliasId, original }', first, second)

describe('readIdentityInput', () => {
  it('answers both ids, the token and the unchecked meta', () => {
    const meta = { ip: 0 }
    expect(read({ aliasId: 'u_1', original: 'a_1', token: 't', meta })).toStrictEqual(E.right(['u_1', 'a_1', 't', meta]))
  })

  it('reads every field exactly once', () => {
    const reads: string[] = []
    const input = new Proxy({ aliasId: 'u_1', original: 'a_1', token: 't' }, {
      get: (target, key) => {
        reads.push(String(key))
        return Reflect.get(target, key)
      },
    })
    expect(E.isRight(read(input))).toBe(true)
    expect(reads).toStrictEqual(['aliasId', 'original', 'token', 'meta'])
  })

  it('reports the first bad field in order: ids, then the token', () => {
    expect(read({ aliasId: 'null', original: 42, token: '' })).toMatchObject(E.left({ path: 'aliasId' }))
    expect(read({ aliasId: 'u_1', original: 42, token: '' })).toMatchObject(E.left({ path: 'original' }))
    expect(read({ aliasId: 'u_1', original: 'a_1', token: ' ' })).toMatchObject(E.left({ path: 'token' }))
  })

  it('names the field whose getter threw', () => {
    const input = Object.defineProperty({ aliasId: 'u_1', original: 'a_1' }, 'token', {
      enumerable: true,
      get: () => {
        throw new Error('no token')
      },
    })
    expect(read(input)).toStrictEqual(E.left({ _tag: 'ValidationError', path: 'token', message: 'Invalid token: could not be read (no token)' }))
  })
})
