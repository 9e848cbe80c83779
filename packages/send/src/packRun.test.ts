import { describe, expect, it } from 'vitest'
import { packTexts } from './packedRecords.ts'
import { packRun } from './packRun.ts'

const texts = ['{"a":1}', '{"é":"€"}', '{"c":3}']

describe('packRun', () => {
  it('copies records [from, to) of a packed body out as a packed body of their own', () => {
    const { body, ends } = packTexts(texts)
    expect(packRun(body, ends, 0, 3, 1)).toStrictEqual(packTexts(texts))
    expect(packRun(body, ends, 1, 3, 1)).toStrictEqual(packTexts(texts.slice(1)))
    expect(packRun(body, ends, 1, 2, 1)).toStrictEqual(packTexts(texts.slice(1, 2)))
  })

  it('reads a run that starts at byte 0, as the queue writes it (each text followed by a comma)', () => {
    const { body, ends } = packTexts(texts)
    // The same texts without the opening bracket: every offset one less.
    const run = body.subarray(1)
    expect(packRun(run, ends.map((end) => end - 1), 0, 2, 0)).toStrictEqual(packTexts(texts.slice(0, 2)))
  })
})
