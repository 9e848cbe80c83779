/**
 * Calls a caller-supplied callback (`onError`, `onUpdate`) so that nothing it throws reaches us.
 * @internal
 * @example
 * safeCall(options.onError, error, 'refresh')
 */
export const safeCall = <A extends ReadonlyArray<unknown>>(callback: ((...args: A) => unknown) | undefined, ...args: A): void => {
  try {
    if (typeof callback === 'function') callback(...args)
  } catch {
    // The callback's own failure is its business; the provider keeps running.
  }
}
