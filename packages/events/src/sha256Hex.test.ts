import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { sha256Hex } from './sha256Hex.ts'

afterEach(() => {
  vi.restoreAllMocks()
})

// Where `process.getBuiltinModule` is missing (workerd, browsers, Node before 20.16) the hash
// comes from Web Crypto; both paths must give the same digits.
describe.each([
  ['node:crypto', (): void => undefined],
  ['Web Crypto', (): void => void vi.spyOn(process, 'getBuiltinModule').mockReturnValue(undefined as never)],
])('sha256Hex through %s', (_, setUp) => {
  it('matches the FIPS 180-4 test vectors', async () => {
    setUp()
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
  })

  it('matches node:crypto at every padding boundary and for non-ASCII text', async () => {
    setUp()
    const texts = [...Array.from({ length: 140 }, (_, n) => 'x'.repeat(n)), 'ü€😀 naïve', 'a'.repeat(100_000)]
    for (const text of texts) expect(await sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'))
  })
})
