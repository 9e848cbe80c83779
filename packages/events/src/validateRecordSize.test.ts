import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { validateRecordSize } from './validateRecordSize.ts'

describe('validateRecordSize', () => {
  it('answers the wire size in UTF-8 bytes', () => {
    expect(validateRecordSize({ event: 'ü', properties: {} }, 'properties')).toEqual(E.right(JSON.stringify({ event: 'ü', properties: {} }).length + 1))
  })

  it('refuses an event of 1 MB or more', () => {
    const big = { event: 'e', properties: { blob: 'x'.repeat(1024 * 1024) } }
    expect(validateRecordSize(big, 'properties')).toEqual(
      E.left({ _tag: 'ValidationError', path: 'properties', message: 'Invalid properties: the event is 1.00 MB of JSON; Mixpanel accepts events under 1 MB' }),
    )
  })
})
