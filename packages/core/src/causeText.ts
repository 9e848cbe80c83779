import { describeValue } from './describeValue.ts'

/**
 * What was thrown, as text: an `Error`'s message or the value itself. Never throws, even for a
 * value that is itself hostile (no prototype, a throwing `message` getter, a revoked Proxy).
 * @example
 * causeText(new Error('boom')) // 'boom'
 */
export const causeText = (cause: unknown): string => {
  try {
    return String(cause instanceof Error ? cause.message : cause)
  } catch {
    return describeValue(cause)
  }
}
