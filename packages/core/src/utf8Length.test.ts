import { describe, expect, it } from 'vitest'
import { utf8Length } from './utf8Length.ts'

const encoded = (s: string): number => new TextEncoder().encode(s).length

describe('utf8Length', () => {
  it('matches TextEncoder on ASCII, 2-, 3- and 4-byte characters and lone surrogates', () => {
    for (const s of ['', 'abc', '\x00\x7f', 'é', 'ü', '€', '😀', 'a😀b€é', 'a€😀ü\n', '\ud800', 'x\udc00y', '\ud800\ud800', '\udbff\udfff', 'ascii then é']) {
      expect(utf8Length(s)).toBe(encoded(s))
    }
  })

  it('counts long ASCII text by its length and long mixed text by its bytes', () => {
    const ascii = '{"event":"signup","properties":{"n":1}}'.repeat(1000)
    expect(utf8Length(ascii)).toBe(ascii.length)
    const mixed = `${ascii}\u0080`
    expect(utf8Length(mixed)).toBe(encoded(mixed))
  })
})
