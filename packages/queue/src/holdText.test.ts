import { describe, expect, it } from 'vitest'
import { createHeldLog } from './createHeldLog.ts'
import { holdText } from './holdText.ts'

const utf8 = (text: string): number => new TextEncoder().encode(text).length
const written = (log: ReturnType<typeof createHeldLog>): string => new TextDecoder().decode(log.buffer.subarray(0, log.used))

describe('holdText', () => {
  it('writes each text as UTF-8 followed by a comma after an opening bracket, with where it ends and its enqueue number', () => {
    const log = createHeldLog()
    const texts = ['{"a":1}', '{"é":"😀"}', '{}']
    texts.forEach((text, i) => holdText(log, text, utf8(text), 10 + i))
    expect(written(log)).toBe(`[${texts.join(',')},`)
    expect(log.ends).toEqual([8, 8 + 1 + utf8(texts[1] as string), log.used - 1])
    expect(log.seqs).toEqual([10, 11, 12])
  })

  it('grows the buffer as often as needed, keeping what was written', () => {
    const log = createHeldLog(new Uint8Array(4))
    const big = `{"x":"${'y'.repeat(10_000)}"}`
    holdText(log, '{"a":1}', 7, 0)
    holdText(log, big, big.length, 1)
    expect(log.buffer.length).toBeGreaterThanOrEqual(log.used)
    expect(written(log)).toBe(`[{"a":1},${big},`)
  })

  it('writes the exact bytes even when the size it was given is wrong', () => {
    const log = createHeldLog(new Uint8Array(8))
    const wide = '{"w":"😀😀😀😀😀😀"}'
    holdText(log, wide, wide.length, 0)
    holdText(log, '{"b":2}', 1, 1)
    expect(written(log)).toBe(`[${wide},{"b":2},`)
    expect(log.ends).toEqual([1 + utf8(wide), 1 + utf8(wide) + 8])
  })
})
