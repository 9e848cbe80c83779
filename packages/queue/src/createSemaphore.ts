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
  const release = (): void => {
    const next = waiting.shift()
    // Hand the slot straight to the next task, so `active` never dips and lets a newcomer jump the line.
    if (next === undefined) active--
    else next()
  }
  const acquire = (): Promise<void> => {
    if (active < slots) {
      active++
      return Promise.resolve()
    }
    return new Promise((resolve) => waiting.push(resolve))
  }
  return {
    run: async (task) => {
      await acquire()
      try {
        return await task()
      } finally {
        release()
      }
    },
    get active() {
      return active
    },
  }
}
