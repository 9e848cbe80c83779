import { describe, expect, it } from 'vitest'
import { causeText } from './causeText.ts'

describe('causeText', () => {
  it('reads an Error’s message, or the thrown value as text', () => {
    expect(causeText(new Error('boom'))).toBe('boom')
    expect(causeText('nope')).toBe('nope')
    expect(causeText(42)).toBe('42')
  })

  it('never throws for a thrown value that cannot be turned into text', () => {
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    expect(causeText(Object.create(null))).toBe('object')
    expect(causeText(proxy)).toBe('an unreadable object')
  })
})
