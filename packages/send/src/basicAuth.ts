/**
 * The value of an `Authorization: Basic …` header: base64 of `user:password` in UTF-8.
 * `btoa` alone only takes Latin-1, so the UTF-8 bytes are turned into a binary string first.
 * @example
 * basicAuth('secret', '') // 'Basic c2VjcmV0Og=='
 */
export const basicAuth = (user: string, password: string): string => {
  const bytes = new TextEncoder().encode(`${user}:${password}`)
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return `Basic ${btoa(binary)}`
}
