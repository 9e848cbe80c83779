import { describe, expect, it } from 'vitest'
import { checkTrackEvent } from './checkTrackEvent.ts'

describe('checkTrackEvent', () => {
  it('needs only an event name and a token', () => {
    expect(checkTrackEvent({ event: 'a', properties: { token: 't' } })).toBeUndefined()
  })
  it('refuses a missing name or token', () => {
    expect(checkTrackEvent({ properties: { token: 't' } })).toBe('event, missing or empty')
    expect(checkTrackEvent({ event: 'a' })).toBe('token, missing or empty')
    expect(checkTrackEvent({ event: 'a', properties: { token: '' } })).toBe('token, missing or empty')
  })
  it('checks an $insert_id only when present, and the limits', () => {
    expect(checkTrackEvent({ event: 'a', properties: { token: 't', $insert_id: 'x'.repeat(40) } })).toBe(
      "'$insert_id' is invalid: must not be longer than 36 bytes",
    )
    expect(checkTrackEvent({ event: 'a', properties: { token: 't', l: [[[[1]]]] } })).toContain("'properties.l'")
  })
})
