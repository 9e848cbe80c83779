// Pure ASCII — nearly every record — is one byte per code unit; the regex runs natively.
const ASCII = /^[\x00-\x7f]*$/

/**
 * Bytes `text` takes as UTF-8, counted without encoding it. A lone surrogate counts as the 3 bytes
 * of U+FFFD, as `TextEncoder` writes it.
 * @example
 * import { utf8Length } from '@mp/core'
 * utf8Length('é€😀') // 2 + 3 + 4 = 9
 */
export const utf8Length = (text: string): number => {
  if (ASCII.test(text)) return text.length
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit < 0x80) bytes += 1
    else if (unit < 0x800) bytes += 2
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}
