import { describe, expect, it } from 'vitest'
import { packTexts } from '@mp/send'
import { createHeldLog } from './createHeldLog.ts'
import { holdText } from './holdText.ts'
import { mergeBySeq } from './mergeBySeq.ts'

const text = (seq: number): string => `{"n":${seq},"s":"${'é'.repeat(seq % 3)}"}`

const held = (...seqs: number[]) => {
  const log = createHeldLog()
  for (const seq of seqs) holdText(log, text(seq), new TextEncoder().encode(text(seq)).length, seq)
  return log
}

const batch = (...seqs: number[]) => ({ packed: packTexts(seqs.map(text)), seqs })

const contents = (log: ReturnType<typeof createHeldLog>) => ({ json: new TextDecoder().decode(log.buffer.subarray(0, log.used)), seqs: log.seqs })

describe('mergeBySeq', () => {
  it('puts a failed batch back among the records held meanwhile, in enqueue order, byte for byte', () => {
    expect(contents(mergeBySeq(held(1, 4, 9), batch(2, 3, 10, 11)))).toStrictEqual(contents(held(1, 2, 3, 4, 9, 10, 11)))
  })

  it('handles empty sides', () => {
    expect(contents(mergeBySeq(held(), batch(1, 2)))).toStrictEqual(contents(held(1, 2)))
    expect(contents(mergeBySeq(held(1), { packed: packTexts([]), seqs: [] }))).toStrictEqual(contents(held(1)))
  })

  it('leaves a log that takes more records', () => {
    const merged = mergeBySeq(held(1), batch(2))
    holdText(merged, text(3), new TextEncoder().encode(text(3)).length, 3)
    expect(contents(merged)).toStrictEqual(contents(held(1, 2, 3)))
  })
})
