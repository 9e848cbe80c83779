import { describe, expect, it } from 'vitest'
import { idMergeRefusal } from './idMergeRefusal.ts'

describe('idMergeRefusal', () => {
  it('is a ConfigError on idMerge naming the verb and the event that links ids instead', () => {
    const refusal = idMergeRefusal('merge')
    expect(refusal).toMatchObject({ _tag: 'ConfigError', path: 'idMerge', field: 'idMerge' })
    expect(refusal.message).toMatch(/^merge does nothing on a Simplified ID Merge project/)
    expect(refusal.message).toContain('track the signup or login event with both deviceId and userId')
    expect(refusal.message).toContain('Nothing was sent.')
  })
})
