// Cherokee is the one script Unicode folds to upper case (lower-case letters were added later).
const isCherokee = (cp: number): boolean => (cp >= 0x13a0 && cp <= 0x13fd) || (cp >= 0xab70 && cp <= 0xabbf)

const foldChar = (char: string): string => {
  const cp = char.codePointAt(0) ?? 0
  if (cp === 0x131) return char // dotless ı has no fold of its own; upper-casing would turn it into i
  if (cp === 0x1e9e) return 'ss' // capital ẞ: toLowerCase gives ß, the fold is ss
  if (isCherokee(cp)) return char.toUpperCase()
  // Per character, so no context rule (final sigma ς) applies; upper then lower gives the full
  // folds that toLowerCase alone misses (ß → ss, ﬁ → fi, ſ → s, ς → σ, ᾳ → αι …).
  return char.toUpperCase().toLowerCase()
}

/**
 * Python's `str.casefold()`, which mixpanel-python uses for every case-insensitive comparison
 * (test users, variant keys, runtime rules). Checked against Python 3.11 over every code point:
 * the only differences are letters Python's Unicode tables do not know yet.
 * @internal
 * @example
 * casefold('Straße') // 'strasse'
 */
export const casefold = (s: string): string => {
  if (/^[\x00-\x7f]*$/.test(s)) return s.toLowerCase()
  let out = ''
  for (const char of s) out += foldChar(char)
  return out
}
