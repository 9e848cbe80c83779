import { describe, expect, it } from 'vitest'
import { describeValue } from './describeValue.ts'

describe('describeValue', () => {
  it.each([
    [null, 'null'],
    [undefined, 'undefined'],
    [1, 'number'],
    ['s', 'string'],
    [[], 'an array'],
    [new Date(0), 'a Date'],
    [{}, 'object'],
  ])('%o is %s', (value, kind) => {
    expect(describeValue(value)).toBe(kind)
  })

  it('does not throw for a revoked Proxy', () => {
    const { proxy, revoke } = Proxy.revocable([], {})
    revoke()
    expect(describeValue(proxy)).toBe('an unreadable object')
  })
})
