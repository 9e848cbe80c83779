import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { transpileSources } from './test-transpile.ts'

describe('cli', () => {
  it('prints its URL, serves requests, and exits 0 on SIGTERM', async () => {
    const dir = transpileSources(import.meta.dirname)
    const child = spawn(process.execPath, [join(dir, 'cli.js'), '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] })
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = ''
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString()
          if (out.includes('\n')) resolve(out.split('\n')[0] ?? '')
        })
        child.once('exit', (code) => reject(new Error(`cli exited early with ${String(code)}`)))
      })
      expect(line).toMatch(/^mp emulator listening on http:\/\/127\.0\.0\.1:\d+$/)
      const url = line.slice('mp emulator listening on '.length)
      const res = await fetch(`${url}/track`, {
        method: 'POST',
        body: JSON.stringify([{ event: 'A', properties: { token: 't' } }]),
      })
      expect(await res.text()).toBe('1')
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      expect(await exited).toBe(0)
    } finally {
      child.kill('SIGKILL')
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
