import { describe, expect, it } from 'vitest'
import { runCli } from './runCli.ts'
import { http } from './test-http.ts'

describe('runCli', () => {
  it('starts the emulator and prints its URL', async () => {
    const lines: Array<string> = []
    const started = await runCli([], {}, (line) => lines.push(line))
    if (!started.ok) throw new Error(started.error)
    try {
      expect(lines).toEqual([`mp emulator listening on ${started.emulator.url}`])
      expect((await http(started.emulator.url, '/_emulator/state')).status).toBe(200)
    } finally {
      await started.emulator.stop()
    }
  })

  it('answers an error instead of throwing when the port is taken or invalid', async () => {
    const first = await runCli([], {}, () => undefined)
    if (!first.ok) throw new Error(first.error)
    try {
      const port = new URL(first.emulator.url).port
      const second = await runCli(['--port', port], {}, () => undefined)
      expect(second).toMatchObject({ ok: false, error: expect.stringContaining(`cannot listen on port ${port}`) })
    } finally {
      await first.emulator.stop()
    }
    expect(await runCli([], { PORT: 'abc' }, () => undefined)).toEqual({
      ok: false,
      error: "invalid port 'abc': expected an integer from 0 to 65535",
    })
  })
})
