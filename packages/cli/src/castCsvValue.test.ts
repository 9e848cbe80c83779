import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { castCsvValue } from './castCsvValue.ts'

describe('castCsvValue', () => {
  it('auto: plain numbers and true/false become JSON numbers and booleans; the rest stays text', () => {
    const cases: Array<[string, unknown]> = [
      ['42', 42],
      ['-3.25', -3.25],
      ['0', 0],
      ['true', true],
      ['false', false],
      ['007', '007'],
      ['1e5', '1e5'],
      ['1234567890123456789', '1234567890123456789'],
      ['TRUE', 'TRUE'],
      [' 4', ' 4'],
      ['2024-01-01', '2024-01-01'],
    ]
    for (const [text, value] of cases) expect(castCsvValue(text, 'auto')).toEqual(E.right(value))
  })

  it('leaves an empty cell out, whatever the type', () => {
    for (const type of ['auto', 'string', 'number', 'boolean', 'json'] as const) expect(castCsvValue('', type)).toEqual(E.right(undefined))
  })

  it('explicit types convert or refuse with a reason', () => {
    expect(castCsvValue('007', 'string')).toEqual(E.right('007'))
    expect(castCsvValue('1e3', 'number')).toEqual(E.right(1000))
    expect(castCsvValue('abc', 'number')).toEqual(E.left("'abc' is not a number"))
    expect(castCsvValue('Yes', 'boolean')).toEqual(E.right(true))
    expect(castCsvValue('0', 'boolean')).toEqual(E.right(false))
    expect(castCsvValue('maybe', 'boolean')).toEqual(E.left("'maybe' is not a boolean (true, false, 1, 0, yes, no)"))
    expect(castCsvValue('["a",1]', 'json')).toEqual(E.right(['a', 1]))
    expect(castCsvValue('[a', 'json')).toEqual(E.left("'[a' is not valid JSON"))
  })
})
