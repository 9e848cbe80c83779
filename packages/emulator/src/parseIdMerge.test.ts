import { describe, expect, it } from 'vitest'
import { parseIdMerge } from './parseIdMerge.ts'

describe('parseIdMerge', () => {
  it('defaults to simplified and reads --id-merge in both spellings', () => {
    expect(parseIdMerge([])).toEqual({ ok: true, idMerge: 'simplified' })
    expect(parseIdMerge(['--id-merge', 'original'])).toEqual({ ok: true, idMerge: 'original' })
    expect(parseIdMerge(['--port', '0', '--id-merge=simplified'])).toEqual({ ok: true, idMerge: 'simplified' })
  })

  it('answers an error for any other value', () => {
    expect(parseIdMerge(['--id-merge', 'legacy'])).toEqual({ ok: false, error: "invalid --id-merge 'legacy': expected simplified or original" })
    expect(parseIdMerge(['--id-merge'])).toEqual({ ok: false, error: "invalid --id-merge '': expected simplified or original" })
  })
})
