import { describe, expect, it } from 'vitest'
import { casefold } from './casefold.ts'

describe('casefold', () => {
  // Expected values from python3: [s.casefold() for s in …]
  it.each([
    ['PREMIUM', 'premium'],
    ['Straße', 'strasse'],
    ['ẞ', 'ss'],
    ['ΣΊΣΥΦΟΣ', 'σίσυφοσ'],
    ['ﬁle', 'file'],
    ['ı', 'ı'],
    ['İstanbul', 'i̇stanbul'],
    ['ꭰ', 'Ꭰ'],
    ['µ', 'μ'],
    ['ᾳ', 'αι'],
    ['🚀 Go', '🚀 go'],
  ])('folds %j to %j like Python', (input, expected) => {
    expect(casefold(input)).toBe(expected)
  })
})
