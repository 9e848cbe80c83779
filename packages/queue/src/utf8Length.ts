/**
 * Bytes a string takes as UTF-8, counted without encoding it (a lone surrogate counts as the
 * 3-byte replacement character, as `TextEncoder` writes it).
 * @example
 * utf8Length('é€😀') // 2 + 3 + 4 = 9
 */
export const utf8Length = (text: string): number => {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit < 0x80) bytes += 1
    else if (unit < 0x800) bytes += 2
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4
        i++
      } else bytes += 3
    } else bytes += 3
  }
  return bytes
}
