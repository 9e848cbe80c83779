import { describe, expect, it } from 'vitest'
import { createSemaphore } from './createSemaphore.ts'

const deferred = () => {
  let resolve!: () => void
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

describe('createSemaphore', () => {
  it('never runs more than its slots at once, and runs every task', async () => {
    const limit = createSemaphore(3)
    let running = 0
    let peak = 0
    const gates = Array.from({ length: 10 }, deferred)
    const done = Promise.all(
      gates.map((gate, i) =>
        limit.run(async () => {
          running++
          peak = Math.max(peak, running)
          await gate.promise
          running--
          return i
        }),
      ),
    )
    for (const gate of gates) {
      await new Promise((r) => setImmediate(r))
      expect(running).toBeLessThanOrEqual(3)
      gate.resolve()
    }
    expect(await done).toStrictEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(peak).toBe(3)
    expect(limit.active).toBe(0)
  })

  it('frees the slot when a task rejects', async () => {
    const limit = createSemaphore(1)
    await expect(limit.run(() => Promise.reject(new Error('x')))).rejects.toThrow('x')
    await expect(limit.run(() => Promise.resolve(2))).resolves.toBe(2)
  })
})
