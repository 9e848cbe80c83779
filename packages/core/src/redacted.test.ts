import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { redact, reveal } from './redacted.ts'

describe('redact', () => {
  it('hides the value from every printer but reveal', () => {
    const r = redact('s3cr3t')
    for (const printed of [JSON.stringify({ r }), String(r), inspect(r), inspect({ r }), JSON.stringify(Object.entries(r))]) {
      expect(printed).not.toContain('s3cr3t')
    }
    expect(reveal(r)).toBe('s3cr3t')
    expect(reveal({ _tag: 'Redacted' })).toBe('')
  })
})
