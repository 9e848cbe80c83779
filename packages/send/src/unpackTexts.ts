import type { PackedRecords } from './packedRecords.ts'

/**
 * @internal The JSON text of each record in a packed body, in order: what a custom sender's records
 * are parsed from, and what a failed batch is held as again. Exact: the texts are well-formed
 * (`JSON.stringify` escapes lone surrogates), so decoding gives back the strings that were packed.
 * @example
 * unpackTexts(packTexts(['{"a":1}', '{"b":2}'])) // ['{"a":1}', '{"b":2}']
 */
export const unpackTexts = ({ body, ends }: PackedRecords): string[] => {
  const decoder = new TextDecoder()
  const texts: string[] = []
  let start = 1
  for (const end of ends) {
    texts.push(decoder.decode(body.subarray(start, end)))
    start = end + 1
  }
  return texts
}
