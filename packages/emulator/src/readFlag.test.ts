import { describe, expect, it } from 'vitest'
import { readFlag } from './readFlag.ts'

describe('readFlag', () => {
  it('reads --name value and --name=value, the last one winning', () => {
    expect(readFlag(['--port', '4000'], 'port')).toBe('4000')
    expect(readFlag(['--id-merge=original'], 'id-merge')).toBe('original')
    expect(readFlag(['--port', '1', '--port=2'], 'port')).toBe('2')
  })

  it("answers '' for a flag without its value and undefined for an absent one", () => {
    expect(readFlag(['--port'], 'port')).toBe('')
    expect(readFlag(['--portal', 'x'], 'port')).toBeUndefined()
  })
})
