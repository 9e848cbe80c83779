import { describe, expect, it } from 'vitest'
import { runCli } from './runCli.ts'
import { http } from './test-http.ts'

describe('runCli', () => {
  it('starts the emulator, prints its URL and the identity system it emulates (Simplified by default)', async () => {
    const lines: Array<string> = []
    const started = await runCli([], {}, (line) => lines.push(line))
    if (!started.ok) throw new Error(started.error)
    try {
      expect(lines).toEqual([
        `mp emulator listening on ${started.emulator.url}`,
        'identity: Simplified ID Merge (what a new Mixpanel project gets; --id-merge original for Original ID Merge)',
      ])
      const state = await http(started.emulator.url, '/_emulator/state')
      expect([state.status, (JSON.parse(state.body) as { idMerge: string }).idMerge]).toEqual([200, 'simplified'])
    } finally {
      await started.emulator.stop()
    }
  })

  it('emulates Original ID Merge with --id-merge original', async () => {
    const lines: Array<string> = []
    const started = await runCli(['--id-merge', 'original'], {}, (line) => lines.push(line))
    if (!started.ok) throw new Error(started.error)
    try {
      expect(started.emulator.idMerge).toBe('original')
      expect(lines[1]).toBe('identity: Original ID Merge ($create_alias, $merge and $identify link ids; --id-merge simplified for Simplified ID Merge)')
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
    expect(await runCli(['--id-merge', 'v3'], {}, () => undefined)).toEqual({ ok: false, error: "invalid --id-merge 'v3': expected simplified or original" })
    expect(await runCli([], { PORT: 'abc' }, () => undefined)).toEqual({
      ok: false,
      error: "invalid port 'abc': expected an integer from 0 to 65535",
    })
  })
})
