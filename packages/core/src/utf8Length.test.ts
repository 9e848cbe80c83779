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

describe('utf8Length around the scratch buffer (49 152 bytes)', () => {
  it('counts texts that fill it, overflow it, or take many rounds exactly, whatever their characters', () => {
    for (const length of [16_383, 16_384, 16_385, 49_151, 49_152, 49_153, 200_001]) {
      for (const unit of ['a', 'é', '€', '\ud800']) {
        const text = unit.repeat(length)
        expect(utf8Length(text)).toBe(encoded(text))
      }
      const pairs = '😀'.repeat(Math.floor(length / 2))
      expect(utf8Length(pairs)).toBe(encoded(pairs))
    }
  })

  it('never splits a surrogate pair that straddles a round, nor miscounts a lone one there', () => {
    for (const pad of [49_150, 49_151, 49_152]) {
      for (const tail of ['😀😀', '\ud800x', 'x\udc00', '\udbff']) {
        const text = 'a'.repeat(pad) + tail + 'é'.repeat(30_000)
        expect(utf8Length(text)).toBe(encoded(text))
      }
    }
  })
})
