/** A counting semaphore: `run` waits for one of `slots` before starting its task. */
export interface Semaphore {
  run<A>(task: () => Promise<A>): Promise<A>
  /** Tasks running now. */
  readonly active: number
}

/**
 * Bounds how many tasks run at once; waiting tasks start in arrival order.
 * @example
 * const limit = createSemaphore(4)
 * await Promise.all(batches.map((b) => limit.run(() => sendBatch(b))))
 */
export const createSemaphore = (slots: number): Semaphore => {
  let active = 0
  const waiting: Array<() => void> = []
  return {
    run: async (task) => {
      if (active < slots) active++
      else await new Promise<void>((resolve) => waiting.push(resolve))
      try {
        return await task()
      } finally {
        // Hand the slot straight to the next task, so `active` never dips and lets a newcomer jump the line.
        const next = waiting.shift()
        if (next === undefined) active--
        else next()
      }
    },
    get active() {
      return active
    },
  }
}
