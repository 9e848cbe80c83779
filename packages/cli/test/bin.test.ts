// `mp` as a real process (bin.ts run from source through scripts/ts/register.mjs): Ctrl-C, the
// resume command it prints, the progress bar on a pseudo-terminal (util-linux `script`), and the
// plain progress lines when stderr is a pipe.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { emulatorPerFile } from '@mp/emulator'
import { tempDir } from '../src/test-io.ts'

const ROOT = join(import.meta.dirname, '../../..')
const NODE_ARGS = ['--import', join(ROOT, 'scripts/ts/register.mjs'), join(ROOT, 'packages/cli/src/bin.ts')]
const ENV = { ...process.env, MP_TOKEN: 'tok', MP_API_SECRET: 'bin-secret', NO_COLOR: '1' }

const emu = emulatorPerFile({ beforeAll, afterAll, beforeEach })
const dir = tempDir()
afterAll(() => dir.remove())

const SECONDS = Math.floor(Date.now() / 1000) - 86_400
const ndjson = (n: number) => Array.from({ length: n }, (_, i) => JSON.stringify({ event: 'e', properties: { distinct_id: `u${i}`, time: SECONDS - i, i } })).join('\n') + '\n'

interface Run {
  readonly child: ReturnType<typeof spawn>
  readonly exited: Promise<number | null>
  readonly out: () => string
  readonly err: () => string
}

const start = (command: string, args: ReadonlyArray<string>): Run => {
  const child = spawn(command, args, { cwd: dir.dir, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  return { child, exited, out: () => out, err: () => err }
}

const mp = (...args: string[]): Run => start(process.execPath, [...NODE_ARGS, ...args])

const waitFor = async (ready: () => boolean, what: string, ms = 20_000): Promise<void> => {
  const until = Date.now() + ms
  while (!ready()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

// Escape sequences out, and each redraw of a line (\r or cursor-to-column-1) as a line of its own.
const screenLines = (text: string): string[] =>
  text
    .replace(/\u001b\[1G/g, '\n')
    .replace(/\u001b\[[0-9;?]*[A-Za-z]|\u001b[78]/g, '')
    .split(/\r?\n|\r/)
    .filter((line) => line.trim() !== '')

describe('mp as a process', () => {
  it('stops cleanly on Ctrl-C, says how to resume, and the printed command finishes the import', async () => {
    dir.write('events.ndjson', ndjson(20_000))
    emu.faults.next(Infinity, { kind: 'latency', ms: 60 })
    const run = mp('import', 'events', 'events.ndjson', '--host', emu.url, '--checkpoint', 'cp.json', '--progress-interval', '0.05')
    await waitFor(() => emu.events().length >= 4000, 'the first chunks')
    run.child.kill('SIGINT')
    expect(await run.exited).toBe(130)
    const stored = emu.events().length
    expect(stored).toBeLessThan(20_000)
    expect(run.err()).toContain('stopping after the requests in flight')
    expect(run.err()).toContain(`Interrupted: ${stored.toLocaleString('en-US')} events imported; nothing acknowledged is lost.`)
    expect(run.err()).toMatch(/^mp: \d+% · read [\d,]+ · sent [\d,]+ · imported [\d,]+ · rejected 0 · [\d,]+ records\/s · [\d.]+ [kM]B of [\d.]+ MB$/m)
    const checkpoint = JSON.parse(readFileSync(join(dir.dir, 'cp.json'), 'utf8')) as { files: Record<string, { records: number }> }
    expect(checkpoint.files[join(dir.dir, 'events.ndjson')]?.records).toBe(stored)

    const resume = /to resume: mp (.*)$/m.exec(run.err())?.[1]
    expect(resume).toBe(`import events events.ndjson --host ${emu.url} --checkpoint cp.json --progress-interval 0.05`)
    emu.faults.clear()
    const received = emu.stats().recordsReceived
    const resumed = mp(...(resume as string).split(' '))
    expect(await resumed.exited).toBe(0)
    expect(emu.events()).toHaveLength(20_000)
    expect(emu.stats().recordsReceived - received).toBe(20_000 - stored)
    expect(emu.stats().duplicates).toBe(0)
  })

  it('draws the progress bar on a terminal and ends on a clean summary line', async () => {
    dir.write('tty.ndjson', ndjson(30_000))
    emu.faults.next(Infinity, { kind: 'latency', ms: 30 })
    // A terminal 160 columns wide, so that the bar has room for every figure.
    const command = `stty cols 160; ${[process.execPath, ...NODE_ARGS, 'import', 'events', 'tty.ndjson', '--host', emu.url].map((a) => `'${a}'`).join(' ')}`
    const run = start('script', ['-qfec', command, '/dev/null'])
    expect(await run.exited).toBe(0)
    const raw = run.out()
    // The bar hid the cursor while drawing and gave it back before the summary.
    expect(raw).toContain('\u001b[?25l')
    expect(raw.lastIndexOf('\u001b[?25h')).toBeGreaterThan(raw.lastIndexOf('\u001b[?25l'))
    expect(raw.lastIndexOf('\u001b[?25h')).toBeLessThan(raw.indexOf('Imported 30,000 events'))
    const lines = screenLines(raw)
    const frames = lines.filter((line) => line.includes('│ read'))
    expect(frames.length).toBeGreaterThan(3)
    expect(frames.some((frame) => /^█+░+ +\d+% │ read [\d,]+ · sent [\d,]+ · imported [\d,]+ · rejected 0 │ [\d,]+ records\/s │ [\d.]+ [kM]B of [\d.]+ MB │ ETA \S+$/.test(frame))).toBe(true)
    expect(frames.at(-1)).toMatch(/^█{24} 100% │ read 30,000 · sent 30,000 · imported 30,000 · rejected 0 │ /)
    expect(lines.at(-1)).toMatch(/^ {2}total: read 30,000 records \([\d.]+ MB\), sent 30,000 in 15 requests \(15 attempts\), imported 30,000, rejected 0$/)
    expect(lines.at(-4)).toMatch(/^Imported 30,000 events in [\d.]+ s \([\d,]+ records\/s\)\.$/)
  })

  it('runs the emulator until SIGTERM', async () => {
    const run = mp('emulator', '--port', '0', '--id-merge', 'original')
    await waitFor(() => run.out().split('\n').length > 2, 'the emulator URL and identity system')
    expect(run.out()).toMatch(/^mp emulator listening on http:\/\/127\.0\.0\.1:\d+\nidentity: Original ID Merge[^\n]*\n$/)
    run.child.kill('SIGTERM')
    expect(await run.exited).toBe(0)
  })
})
