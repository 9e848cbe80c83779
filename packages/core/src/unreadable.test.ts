import { describe, expect, it } from 'vitest'
import { unreadable } from './unreadable.ts'

describe('unreadable', () => {
  it('names the field and quotes what was thrown', () => {
    expect(unreadable('meta', new Error('boom'))).toStrictEqual({ _tag: 'ValidationError', path: 'meta', message: 'Invalid meta: could not be read (boom)' })
  })

  it('quotes a thrown non-Error as text', () => {
    expect(unreadable('input', 'nope').message).toBe('Invalid input: could not be read (nope)')
  })

  it('never throws for a thrown value that cannot be turned into text', () => {
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    const hostileMessage = Object.assign(Object.create(Error.prototype) as Error, {})
    Object.defineProperty(hostileMessage, 'message', { get: () => { throw new Error('no') } })
    expect(unreadable('meta', Object.create(null)).message).toBe('Invalid meta: could not be read (object)')
    expect(unreadable('meta', proxy).message).toBe('Invalid meta: could not be read (an unreadable object)')
    expect(unreadable('meta', hostileMessage).message).toBe('Invalid meta: could not be read (object)')
  })
})
