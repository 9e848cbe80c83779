import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { parseCsvTypes } from './parseCsvTypes.ts'

describe('parseCsvTypes', () => {
  it('reads column:type pairs; a column name may hold colons', () => {
    expect(parseCsvTypes('zip:string, tags:json,a:b:number')).toEqual(E.right({ zip: 'string', tags: 'json', 'a:b': 'number' }))
    expect(parseCsvTypes(undefined)).toEqual(E.right({}))
  })

  it('refuses an unknown type or a missing column', () => {
    expect(parseCsvTypes('zip:text')).toEqual(E.left("--csv-types: 'zip:text' is not column:type (type one of auto, string, number, boolean, json)"))
    expect(E.isLeft(parseCsvTypes(':number'))).toBe(true)
    expect(E.isLeft(parseCsvTypes('plan'))).toBe(true)
  })
})
