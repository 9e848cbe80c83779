import { either as E } from 'fp-ts'
import type { JsonValue } from '@mp/core'
import type { CsvType } from './types.ts'

// A number as people write it, that survives the round trip: no leading zeros (zip codes, ids),
// no exponent, no integer beyond 2^53 (19-digit ids would lose digits).
const PLAIN_NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?$/

const BOOLEANS: Readonly<Record<string, boolean>> = { true: true, false: false, '1': true, '0': false, yes: true, no: false }

/**
 * Turns one CSV cell into the JSON value sent: `auto` makes plain numbers numbers and `true`/`false`
 * booleans and leaves everything else (ids with leading zeros, 19-digit numbers, dates) a string;
 * `number`, `boolean` (true/false/1/0/yes/no) and `json` must parse or the row is refused;
 * `string` keeps the text. Answers undefined for an empty cell: the column is left out.
 * @example
 * castCsvValue('42', 'auto')    // Right(42)
 * castCsvValue('007', 'auto')   // Right('007')
 * castCsvValue('x', 'number')   // Left("'x' is not a number")
 */
export const castCsvValue = (text: string, type: CsvType): E.Either<string, JsonValue | undefined> => {
  if (text === '') return E.right(undefined)
  switch (type) {
    case 'string':
      return E.right(text)
    case 'number': {
      const n = Number(text.trim())
      return text.trim() !== '' && Number.isFinite(n) ? E.right(n) : E.left(`'${text}' is not a number`)
    }
    case 'boolean': {
      const b = BOOLEANS[text.trim().toLowerCase()]
      return b === undefined ? E.left(`'${text}' is not a boolean (true, false, 1, 0, yes, no)`) : E.right(b)
    }
    case 'json':
      try {
        return E.right(JSON.parse(text) as JsonValue)
      } catch {
        return E.left(`'${text.length > 60 ? `${text.slice(0, 60)}…` : text}' is not valid JSON`)
      }
    case 'auto': {
      if (text === 'true' || text === 'false') return E.right(text === 'true')
      if (!PLAIN_NUMBER.test(text)) return E.right(text)
      const n = Number(text)
      return Number.isInteger(n) && !Number.isSafeInteger(n) ? E.right(text) : E.right(n)
    }
  }
}
