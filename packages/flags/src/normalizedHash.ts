const OFFSET_BASIS = 0xcbf29ce484222325n
const PRIME = 0x100000001b3n
const MASK = 0xffffffffffffffffn

/**
 * Mixpanel's bucketing hash: FNV-1a 64-bit over the UTF-8 bytes of `key` followed by `salt`,
 * reduced to one of the hundred values 0.00, 0.01, … 0.99. Identical to mixpanel-python's
 * `normalized_hash`, so a user lands in the same bucket in every SDK.
 * @example
 * normalizedHash('abc', 'variant') // 0.72
 * normalizedHash('def', 'variant') // 0.21
 */
export const normalizedHash = (key: string, salt: string): number => {
  let hash = OFFSET_BASIS
  for (const byte of new TextEncoder().encode(`${key}${salt}`)) {
    hash = ((hash ^ BigInt(byte)) * PRIME) & MASK
  }
  return Number(hash % 100n) / 100
}
