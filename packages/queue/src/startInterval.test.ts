import { spawnSync } from 'node:child_process'
import { describe, expect, it, vi } from 'vitest'
import { startInterval } from './startInterval.ts'

describe('startInterval', () => {
  it('ticks until stopped', () => {
    vi.useFakeTimers()
    try {
      let ticks = 0
      const stop = startInterval(() => ticks++, 100)
      vi.advanceTimersByTime(350)
      expect(ticks).toBe(3)
      stop()
      vi.advanceTimersByTime(1000)
      expect(ticks).toBe(3)
    } finally {
      vi.useRealTimers()
    }
  })

  it('unrefs its Node timer', () => {
    const seen: Array<{ hasRef(): boolean }> = []
    const original = globalThis.setInterval
    const spy = vi.spyOn(globalThis, 'setInterval').mockImplementation(((fn: () => void, ms: number) => {
      const handle = original(fn, ms)
      seen.push(handle)
      return handle
    }) as typeof setInterval)
    try {
      const stop = startInterval(() => {}, 60_000)
      expect(seen).toHaveLength(1)
      expect(seen[0]?.hasRef()).toBe(false)
      stop()
    } finally {
      spy.mockRestore()
    }
  })

  it('does not keep a node process alive', () => {
    // A process whose only work is this interval must exit by itself, long before the interval fires.
    const source = `const startInterval = ${startInterval.toString()};\nstartInterval(() => console.log('tick'), 60000)`
    const check = spawnSync(process.execPath, ['-e', source], { timeout: 20_000 })
    expect(check.status).toBe(0)
    expect(String(check.stdout)).toBe('')
  })

  it('works where timers are plain numbers (edge runtimes)', () => {
    const spy = vi.spyOn(globalThis, 'setInterval').mockImplementation((() => 42) as unknown as typeof setInterval)
    const clear = vi.spyOn(globalThis, 'clearInterval').mockImplementation(() => {})
    try {
      const stop = startInterval(() => {}, 10)
      stop()
      expect(clear).toHaveBeenCalledWith(42)
    } finally {
      spy.mockRestore()
      clear.mockRestore()
    }
  })
})
