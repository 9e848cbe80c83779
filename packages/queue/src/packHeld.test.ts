import { describe, expect, it } from 'vitest'
import { unpackTexts } from '@mp/send'
import { createHeldLog } from './createHeldLog.ts'
import { holdText } from './holdText.ts'
import { packHeld } from './packHeld.ts'

const held = (texts: ReadonlyArray<string>) => {
  const log = createHeldLog()
  texts.forEach((text, i) => holdText(log, text, new TextEncoder().encode(text).length, i))
  return log
}

const texts = ['{"a":1}', '{"é":"€"}', '{"c":3}', '{"d":"😀"}', '{"e":5}']

describe('packHeld', () => {
  it('cuts the held records into JSON array bodies within the record limit, in order, with their enqueue numbers', () => {
    const batches = packHeld(held(texts), { records: 2, bytes: 1_000_000 })
    expect(batches.map((b) => new TextDecoder().decode(b.packed.body))).toEqual([`[${texts[0]},${texts[1]}]`, `[${texts[2]},${texts[3]}]`, `[${texts[4]}]`])
    expect(batches.map((b) => b.seqs)).toEqual([[0, 1], [2, 3], [4]])
    expect(batches.flatMap((b) => unpackTexts(b.packed))).toEqual(texts)
  })

  it('keeps each body within the byte limit, brackets and commas included', () => {
    // '[{"a":1},{"é":"€"}]' is 20 bytes; a third record would pass 28.
    const batches = packHeld(held(texts), { records: 2000, bytes: 28 })
    for (const batch of batches) expect(batch.packed.body.length).toBeLessThanOrEqual(28)
    expect(batches.flatMap((b) => unpackTexts(b.packed))).toEqual(texts)
  })

  it('packs nothing from an empty log, and copies the bytes out, so the log can be written over', () => {
    expect(packHeld(createHeldLog(), { records: 2000, bytes: 1000 })).toEqual([])
    const log = held(texts)
    const [batch] = packHeld(log, { records: 2000, bytes: 1_000_000 })
    log.buffer.fill(0)
    expect(unpackTexts(batch!.packed)).toEqual(texts)
  })
})
