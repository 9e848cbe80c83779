import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { createProgress, type ProgressSnapshot } from './createProgress.ts'

const sink = (isTTY: boolean, columns = 200) => {
  let text = ''
  const stream = Object.assign(
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        text += chunk.toString()
        done()
      },
    }),
    { isTTY, columns },
  )
  return { stream, text: () => text }
}

const snapshot = (extra: Partial<ProgressSnapshot> = {}): ProgressSnapshot => ({
  read: 12_000,
  sent: 10_000,
  imported: 9_990,
  rejected: 10,
  dryRun: false,
  bytes: 2_000_000,
  totalBytes: 4_000_000,
  elapsedMs: 2000,
  status: undefined,
  ...extra,
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('createProgress', () => {
  it('prints plain lines every interval when stderr is not a terminal', async () => {
    const out = sink(false)
    const progress = createProgress('lines', out.stream, 20, () => snapshot())
    progress.start()
    await sleep(70)
    progress.stop()
    const lines = out.text().trim().split('\n')
    expect(lines.length).toBeGreaterThanOrEqual(2)
    expect(lines[0]).toBe('mp: 50% · read 12,000 · sent 10,000 · imported 9,990 · rejected 10 · 6,000 records/s · 2.0 MB of 4.0 MB')
    const count = out.text().length
    await sleep(50)
    expect(out.text().length).toBe(count)
  })

  it('leaves out the percentage without a known size, sending figures in a dry run, and shows a status', async () => {
    const out = sink(false)
    const progress = createProgress('lines', out.stream, 10, () => snapshot({ totalBytes: undefined, dryRun: true, status: 'stopping' }))
    progress.start()
    await sleep(30)
    progress.stop()
    expect(out.text().split('\n')[0]).toBe('mp: read 12,000 · rejected 10 · 6,000 records/s · 2.0 MB · stopping')
  })

  it('draws a bar on a terminal and gives the cursor and the line back when it stops', async () => {
    const out = sink(true)
    let bytes = 1_000_000
    const progress = createProgress('bar', out.stream, 10_000, () => snapshot({ bytes }))
    progress.start()
    bytes = 3_000_000
    await sleep(250)
    progress.stop()
    const text = out.text()
    expect(text).toContain('\u001b[?25l')
    expect(text.endsWith('\n')).toBe(true)
    expect(text.lastIndexOf('\u001b[?25h')).toBeGreaterThan(text.lastIndexOf('\u001b[?25l'))
    const frames = text.split('\u001b[1G').map((frame) => frame.replace(/\u001b\[[0-9;?]*[A-Za-z]|\u001b[78]/g, ''))
    expect(frames.at(-1)).toMatch(/^██████████████████░░░░░░  75% │ read 12,000 · sent 10,000 · imported 9,990 · rejected 10 │ 6,000 records\/s │ 3\.0 MB of 4\.0 MB │ ETA /)
  })

  it('fits the line to a narrow terminal, leaving out the least important figures first', async () => {
    const lastFrame = async (columns: number, extra: Partial<ProgressSnapshot> = {}) => {
      const out = sink(true, columns)
      const progress = createProgress('bar', out.stream, 10_000, () => snapshot(extra))
      progress.start()
      await sleep(20)
      progress.stop()
      return out.text().split('\u001b[1G').map((frame) => frame.replace(/\u001b\[[0-9;?]*[A-Za-z]|\u001b[78]/g, '').replace(/\n$/, '')).at(-1) ?? ''
    }
    const eighty = await lastFrame(80)
    expect(eighty.length).toBeLessThan(80)
    expect(eighty).toMatch(/^█{10,24}░+  50% │ read 12,000 · imported 9,990 · rejected 10 │ ETA \S+$/)
    const forty = await lastFrame(40, { status: 'stopping' })
    expect(forty).toBe(' 50% │ imported 9,990 │ stopping')
  })

  it('does nothing when quiet', () => {
    const out = sink(true)
    const progress = createProgress('none', out.stream, 10, () => snapshot())
    progress.start()
    progress.stop()
    expect(out.text()).toBe('')
  })
})
