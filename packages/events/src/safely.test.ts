import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { safely } from './safely.ts'

describe('safely', () => {
  it('passes results through and turns exceptions into a ValidationError', () => {
    expect(safely('input', () => E.right(1))).toEqual(E.right(1))
    expect(
      safely('input', () => {
        throw new Error('trap')
      }),
    ).toEqual(E.left({ _tag: 'ValidationError', path: 'input', message: 'Invalid input: could not be read (trap)' }))
  })
})
