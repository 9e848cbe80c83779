import { describe, expect, it } from 'vitest'
import { packTexts } from './packedRecords.ts'
import { packRun } from './packRun.ts'

const texts = ['{"a":1}', '{"é":"€"}', '{"c":3}']

describe('packRun', () => {
  it('copies records [from, to) of a packed body out as a packed body of their own', () => {
    const { body, ends } = packTexts(texts)
    expect(packRun(body, ends, 0, 3)).toStrictEqual(packTexts(texts))
    expect(packRun(body, ends, 1, 3)).toStrictEqual(packTexts(texts.slice(1)))
    expect(packRun(body, ends, 1, 2)).toStrictEqual(packTexts(texts.slice(1, 2)))
  })

  it('reads a body still being written, as the queue holds it (the last text followed by a comma, no closing bracket)', () => {
    const { body, ends } = packTexts(texts)
    const open = body.slice()
    open[open.length - 1] = 0x2c // ','
    expect(packRun(open, ends, 0, 3)).toStrictEqual(packTexts(texts))
    expect(packRun(open, ends, 2, 3)).toStrictEqual(packTexts(texts.slice(2)))
  })
})
