import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import type { Config } from '@mp/core'
import { safeNormalize } from './safeNormalize.ts'

describe('safeNormalize', () => {
  it('normalises a good config and refuses a bad one', () => {
    expect(E.isRight(safeNormalize({ token: 't' }))).toBe(true)
    expect(safeNormalize({ token: '' })).toMatchObject({ left: { _tag: 'ConfigError', field: 'token' } })
  })
  it('turns a throwing getter into a ConfigError', () => {
    const hostile = { get token(): string { throw new Error('boom') } } as Config
    expect(safeNormalize(hostile)).toMatchObject({ left: { _tag: 'ConfigError' } })
  })
})
