/**
 * Calls `tick` every `ms` milliseconds on a timer that never keeps the process alive (`unref`
 * where the runtime has it: Node, Bun, Deno; edge runtimes have nothing to unref and end the
 * invocation themselves). Answers the function that stops it.
 * @example
 * const stop = startInterval(() => void flush()(), 5000)
 * stop()
 */
export const startInterval = (tick: () => void, ms: number): (() => void) => {
  const handle: unknown = setInterval(tick, ms)
  if (typeof handle === 'object' && handle !== null && 'unref' in handle && typeof handle.unref === 'function') {
    handle.unref()
  }
  return () => clearInterval(handle as Parameters<typeof clearInterval>[0])
}
