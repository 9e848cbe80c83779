import { either as E } from 'fp-ts'
import type { CsvType } from './types.ts'

const TYPES: ReadonlyArray<string> = ['auto', 'string', 'number', 'boolean', 'json']

/**
 * Reads `--csv-types`: a comma-separated list of `column:type`, type one of auto, string, number,
 * boolean, json. Answers the message to print when the list is malformed.
 * @example
 * parseCsvTypes('zip:string,tags:json') // Right({ zip: 'string', tags: 'json' })
 */
export const parseCsvTypes = (text: string | undefined): E.Either<string, Readonly<Record<string, CsvType>>> => {
  const types: Record<string, CsvType> = {}
  for (const entry of (text ?? '').split(',')) {
    if (entry.trim() === '') continue
    const at = entry.lastIndexOf(':')
    const column = entry.slice(0, at).trim()
    const type = entry.slice(at + 1).trim()
    if (at <= 0 || column === '' || !TYPES.includes(type)) {
      return E.left(`--csv-types: '${entry.trim()}' is not column:type (type one of ${TYPES.join(', ')})`)
    }
    types[column] = type as CsvType
  }
  return E.right(types)
}
