import { describe, expect, it } from 'vitest'
import { utf8Length } from './utf8Length.ts'

const encoded = (s: string): number => new TextEncoder().encode(s).length

describe('utf8Length', () => {
  it('matches TextEncoder on ASCII, 2-, 3- and 4-byte characters and lone surrogates', () => {
    for (const s of ['', 'abc', 'é', '€', '😀', 'a😀b€é', '\ud800', 'x\udc00y', '\ud800\ud800']) {
      expect(utf8Length(s)).toBe(encoded(s))
    }
  })
})
