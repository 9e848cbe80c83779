import { describe, expect, it } from 'vitest'
import { halvePacked } from './halvePacked.ts'
import { packTexts } from './packedRecords.ts'
import { unpackTexts } from './unpackTexts.ts'

const texts = ['{"a":1}', '{"é":"€"}', '{"emoji":"😀","lone":"\\ud800"}', '{}']
const utf8 = (body: Uint8Array): string => new TextDecoder().decode(body)

describe('packTexts', () => {
  it('writes the JSON array of the texts as UTF-8, with the offset just past each record', () => {
    const packed = packTexts(texts)
    expect(utf8(packed.body)).toBe(`[${texts.join(',')}]`)
    expect(packed.ends.map((end) => String.fromCharCode(packed.body[end] as number))).toEqual([',', ',', ',', ']'])
    expect(packed.ends[0]).toBe(8)
  })

  it('packs no texts as an empty array', () => {
    expect(utf8(packTexts([]).body)).toBe('[]')
    expect(packTexts([]).ends).toEqual([])
  })
})

describe('unpackTexts', () => {
  it('gives back exactly the texts that were packed, wide characters and escaped lone surrogates included', () => {
    expect(unpackTexts(packTexts(texts))).toStrictEqual(texts)
    expect(unpackTexts(packTexts(['{"x":1}']))).toStrictEqual(['{"x":1}'])
  })
})

describe('halvePacked', () => {
  it('cuts before any record into two bodies of their own, each exactly the packing of its texts', () => {
    const packed = packTexts(texts)
    for (let middle = 1; middle < texts.length; middle++) {
      const [first, second] = halvePacked(packed, middle)
      expect(first).toStrictEqual(packTexts(texts.slice(0, middle)))
      expect(second).toStrictEqual(packTexts(texts.slice(middle)))
    }
  })

  it('halves a half again', () => {
    const [, second] = halvePacked(packTexts(texts), 1)
    const [a, b] = halvePacked(second, 2)
    expect(unpackTexts(a)).toStrictEqual(texts.slice(1, 3))
    expect(unpackTexts(b)).toStrictEqual(texts.slice(3))
  })
})
