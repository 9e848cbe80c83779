// The SHA-256 round constants (FIPS 180-4 §4.2.2).
const K: ReadonlyArray<number> = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]

interface Scratch {
  readonly encoder: TextEncoder
  bytes: Uint8Array
  readonly w: Int32Array
  readonly k: Int32Array
}

// Reused across calls (made on first use, not at import): encoding and the message schedule
// allocate nothing per hash unless a text outgrows the buffer.
let scratch: Scratch | undefined

const scratchFor = (text: string): Scratch => {
  scratch ??= { encoder: new TextEncoder(), bytes: new Uint8Array(1024), w: new Int32Array(64), k: Int32Array.from(K) }
  // UTF-8 takes at most 3 bytes per UTF-16 code unit; 72 more leave room for the padding.
  const need = text.length * 3 + 72
  if (scratch.bytes.length < need) scratch.bytes = new Uint8Array(Math.max(need, scratch.bytes.length * 2))
  return scratch
}

const HEX = '0123456789abcdef'

const hex = (word: number): string => {
  let out = ''
  for (let shift = 28; shift >= 0; shift -= 4) out += HEX[(word >>> shift) & 15] as string
  return out
}

/**
 * SHA-256 of the UTF-8 bytes of `text`, as 64 lowercase hex digits. Synchronous pure JS, so
 * builders stay synchronous on every runtime (Web Crypto's `digest` is async only).
 * @example
 * sha256Hex('abc') // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export const sha256Hex = (text: string): string => {
  const { encoder, bytes, w, k } = scratchFor(text)
  const length = encoder.encodeInto(text, bytes).written
  const total = (((length + 8) >> 6) + 1) << 6
  bytes[length] = 0x80
  bytes.fill(0, length + 1, total)
  const bits = length * 8
  const high = Math.floor(bits / 0x100000000)
  const low = bits >>> 0
  bytes[total - 8] = high >>> 24
  bytes[total - 7] = high >>> 16
  bytes[total - 6] = high >>> 8
  bytes[total - 5] = high
  bytes[total - 4] = low >>> 24
  bytes[total - 3] = low >>> 16
  bytes[total - 2] = low >>> 8
  bytes[total - 1] = low
  let h0 = 0x6a09e667
  let h1 = 0xbb67ae85 | 0
  let h2 = 0x3c6ef372
  let h3 = 0xa54ff53a | 0
  let h4 = 0x510e527f
  let h5 = 0x9b05688c | 0
  let h6 = 0x1f83d9ab
  let h7 = 0x5be0cd19
  for (let offset = 0; offset < total; offset += 64) {
    for (let i = 0; i < 16; i++) {
      const j = offset + i * 4
      w[i] = ((bytes[j] as number) << 24) | ((bytes[j + 1] as number) << 16) | ((bytes[j + 2] as number) << 8) | (bytes[j + 3] as number)
    }
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15] as number
      const y = w[i - 2] as number
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10)
      w[i] = ((w[i - 16] as number) + s0 + (w[i - 7] as number) + s1) | 0
    }
    let a = h0
    let b = h1
    let c = h2
    let d = h3
    let e = h4
    let f = h5
    let g = h6
    let hh = h7
    for (let i = 0; i < 64; i++) {
      const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))
      const t1 = (hh + s1 + ((e & f) ^ (~e & g)) + (k[i] as number) + (w[i] as number)) | 0
      const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))
      const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0
      hh = g
      g = f
      f = e
      e = (d + t1) | 0
      d = c
      c = b
      b = a
      a = (t1 + t2) | 0
    }
    h0 = (h0 + a) | 0
    h1 = (h1 + b) | 0
    h2 = (h2 + c) | 0
    h3 = (h3 + d) | 0
    h4 = (h4 + e) | 0
    h5 = (h5 + f) | 0
    h6 = (h6 + g) | 0
    h7 = (h7 + hh) | 0
  }
  return hex(h0) + hex(h1) + hex(h2) + hex(h3) + hex(h4) + hex(h5) + hex(h6) + hex(h7)
}
