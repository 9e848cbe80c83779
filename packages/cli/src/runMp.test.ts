import { afterAll, describe, expect, it } from 'vitest'
import { LIB_VERSION } from '@mp/core'
import { runMp } from './runMp.ts'
import { tempDir, testIo } from './test-io.ts'

const dir = tempDir()
afterAll(() => dir.remove())

describe('runMp', () => {
  it('prints the version, the help and the import flags', async () => {
    const version = testIo(dir.dir)
    expect(await runMp(['--version'], version)).toBe(0)
    expect(version.out()).toBe(`${LIB_VERSION}\n`)
    for (const argv of [[], ['--help'], ['help']]) {
      const io = testIo(dir.dir)
      expect(await runMp(argv, io)).toBe(0)
      expect(io.out()).toContain('mp import events   <file…|->')
    }
    for (const argv of [['import', '--help'], ['import', 'events', 'a.ndjson', '-h'], ['help', 'import']]) {
      const io = testIo(dir.dir)
      expect(await runMp(argv, io)).toBe(0)
      expect(io.out()).toContain('--checkpoint FILE')
    }
  })

  it('answers 2 for an unknown command or bad import usage', async () => {
    const bare = testIo(dir.dir)
    expect(await runMp(['import'], bare)).toBe(2)
    expect(bare.err()).toContain('--checkpoint FILE')
    const unknown = testIo(dir.dir)
    expect(await runMp(['export'], unknown)).toBe(2)
    expect(unknown.err()).toContain("mp: unknown command 'export'")
    const usage = testIo(dir.dir, { MP_TOKEN: 't' })
    expect(await runMp(['import', 'groups', 'a.ndjson'], usage)).toBe(2)
    expect(usage.err()).toContain('--group-key is required')
    expect(usage.err()).toContain('(mp import --help lists every flag)')
  })

  it('runs the emulator with its own flags until Ctrl-C', async () => {
    const io = testIo(dir.dir)
    const running = runMp(['emulator', '--port', '0', '--id-merge', 'original'], io)
    while (io.out().split('\n').length < 3) await new Promise((resolve) => setTimeout(resolve, 5))
    const [listening = '', identity] = io.out().split('\n')
    const url = listening.replace('mp emulator listening on ', '')
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(identity).toMatch(/^identity: Original ID Merge/)
    expect(await (await fetch(`${url}/track`, { method: 'POST', body: '[{"event":"a","properties":{"token":"t"}}]' })).text()).toBe('1')
    io.interrupt()
    expect(await running).toBe(0)
    await expect(fetch(`${url}/track`)).rejects.toThrow()
  })

  it('answers 2 when the emulator cannot start', async () => {
    const io = testIo(dir.dir)
    expect(await runMp(['emulator', '--port', 'x'], io)).toBe(2)
    expect(io.err()).toBe("mp emulator: invalid port 'x': expected an integer from 0 to 65535\n")
  })
})
