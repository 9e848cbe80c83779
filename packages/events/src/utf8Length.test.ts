import { describe, expect, it } from 'vitest'
import { utf8Length } from './utf8Length.ts'

describe('utf8Length', () => {
  it('agrees with Buffer.byteLength for 1- to 4-byte characters', () => {
    for (const text of ['', 'abc', 'ü', '€', '😀', 'a€😀ü\n', '\ud800', 'x\udc00y']) expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'))
  })
})
